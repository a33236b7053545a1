"""Strings of the ICP and decision-maker builders (steps, prompts, suggestions, drafts, pages)."""

STRINGS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------ S1 best customers
    "builders.S1.title": ("Your best customers today", "当前最好的客户"),
    "builders.S1.intro": (
        "Build the profile from reality, not wishes: start from the customers who already work "
        "best for you. The ranking picked them by sales cycle, profit, deal volume, referrals, "
        "support need and LTV/CAC. Check the list and note why they stand out.",
        "画像要从现实出发，而不是凭想象：以你现在最好的客户为模板。排名依据销售周期、利润、"
        "成交量、推荐意愿、支持需求和 LTV/CAC 选出了这些客户。请核对名单，并写下它们为什么突出。",
    ),
    "builders.S1.best.label": ("Which customers are your best today?", "你现在最好的客户是哪些？"),
    "builders.S1.best.help": (
        "About ten names. The ranking's choice is pre-filled; add or remove names by hand.",
        "十个左右即可。已按排名预填，可以手动增删。",
    ),
    "builders.S1.best.example": ("Acme Ltd, Northwind, Globex …", "华东精工、明达机械、远航物流……"),
    "builders.S1.criteria.label": (
        "What makes a customer “best” for you?",
        "你用什么标准判断“最好”？",
    ),
    "builders.S1.criteria.help": (
        "The criteria and how much each counts: short sales cycle, high profit, large deals, "
        "referrals, little support, good LTV/CAC.",
        "有哪些标准、各占多大分量：销售周期短、利润高、成交额大、"
        "愿意推荐、所需支持少、LTV/CAC 高。",
    ),
    "builders.S1.criteria.example": (
        "shortest sales cycle (weight 2); highest profit (weight 1)",
        "销售周期最短（权重 2）；利润最高（权重 1）",
    ),
    "builders.S1.why.label": ("What do the numbers say about them?", "数据显示它们有什么不同？"),
    "builders.S1.why.help": (
        "Compare them with the rest: lifetime value, cost to win, sales cycle, referrals.",
        "和其余客户比一比：终身价值、获客成本、销售周期、推荐次数。",
    ),
    "builders.S1.why.example": (
        "LTV/CAC 6 vs 2 for the rest; they signed in half the time",
        "LTV/CAC 为 6，其余客户只有 2；签约用时只有一半",
    ),
    # ------------------------------------------------------------ S2 firmographics
    "builders.S2.title": ("What your best customers have in common", "最好客户的公司属性"),
    "builders.S2.intro": (
        "Put the facts about your best customers side by side: how big they are, where they "
        "are, what they earn, which industry and market they serve, how fast they grow and what "
        "stage they are in. What your data shows is pre-filled as suggestions.",
        "把最好客户的公司信息放在一起看：规模、地点、收入与利润、行业和目标市场、增长速度和发展阶段。"
        "数据中发现的共同点已作为建议列出。",
    ),
    "builders.S2.industry.label": ("Industry and target market", "行业与目标市场"),
    "builders.S2.industry.help": (
        "Which industry are they in, and whom do they sell to?",
        "它们属于什么行业？它们的客户是谁？",
    ),
    "builders.S2.industry.example": (
        "Manufacturing, selling to car-parts suppliers",
        "制造业，客户主要是汽车零部件厂",
    ),
    "builders.S2.size.label": ("Company size", "公司规模"),
    "builders.S2.size.help": (
        "Total employees, and the size of the team that would use your product.",
        "员工总数，以及会用到你产品的部门有多少人。",
    ),
    "builders.S2.size.example": (
        "100–300 employees; a finance team of 5–10",
        "员工 100–300 人；财务部 5–10 人",
    ),
    "builders.S2.location.label": ("Location", "地理位置"),
    "builders.S2.location.help": ("Where are they headquartered?", "总部设在哪里？"),
    "builders.S2.location.example": ("Mostly headquartered in Shanghai", "大多数总部在上海"),
    "builders.S2.finance.label": ("Revenue, profit and valuation", "收入、利润与估值"),
    "builders.S2.finance.help": (
        "Annual revenue, profitability, valuation or market value — whatever you know.",
        "年收入、盈利情况、估值或市值——知道多少写多少。",
    ),
    "builders.S2.finance.example": (
        "Annual revenue 50–200 million; profitable",
        "年收入 5000 万–2 亿元，已盈利",
    ),
    "builders.S2.growth.label": ("Growth and stage", "增长与发展阶段"),
    "builders.S2.growth.help": (
        "Headcount or customer growth, and the stage of the business (start-up, scaling, mature).",
        "员工或客户的增长率，以及企业所处的阶段（初创、扩张、成熟）。",
    ),
    "builders.S2.growth.example": (
        "Headcount doubled in two years; Series B",
        "过去两年员工翻了一倍；B 轮",
    ),
    # ------------------------------------------------------------ S3 distinctive traits
    "builders.S3.title": ("What makes them distinctive", "最好客户的显著特征"),
    "builders.S3.intro": (
        "Beyond the numbers: how do these companies work and show up in their market? Their "
        "culture, the technology they use and sell, how their team is organised, their voice "
        "online, their appetite for risk and the channels where they find suppliers.",
        "数字之外，这些公司怎样做事、怎样在市场上亮相？企业文化、内部使用和对外提供的技术、"
        "团队组织方式、线上影响力、冒险精神，以及它们寻找供应商的渠道。",
    ),
    "builders.S3.technology.label": ("Technology they use and offer", "使用和提供的技术"),
    "builders.S3.technology.help": (
        "Systems they run internally, and technology they sell to their own customers.",
        "内部使用的系统，以及向自己客户提供的技术。",
    ),
    "builders.S3.technology.example": ("uses SAP; runs its own online shop", "使用 SAP；自营网店"),
    "builders.S3.culture.label": ("Culture", "企业文化"),
    "builders.S3.culture.help": (
        "What do they value? How are decisions made?",
        "它们看重什么？做决定的风格如何？",
    ),
    "builders.S3.culture.example": (
        "Engineering-led, data-driven, quick to decide",
        "工程师文化，重视数据，决策快",
    ),
    "builders.S3.team.label": ("Distributed or centralised team", "团队是分散型还是集中型"),
    "builders.S3.team.help": (
        "One head office, several sites, or remote?",
        "一个总部、多地分支，还是远程办公？",
    ),
    "builders.S3.team.example": ("A head office plus three plants", "一个总部加三个工厂"),
    "builders.S3.influence.label": ("Voice and boldness", "影响力与行事风格"),
    "builders.S3.influence.help": (
        "Social-media presence, a blog or other content, and how bold or image-conscious they are.",
        "社交媒体影响力、公司博客或内容发布情况，以及是否敢于冒进、不太顾及形象。",
    ),
    "builders.S3.influence.example": (
        "Active on LinkedIn; publishes case studies; early adopter",
        "公众号很活跃，常发案例；愿意尝鲜",
    ),
    "builders.S3.channels.label": ("Marketing channels", "营销渠道"),
    "builders.S3.channels.help": (
        "Where do they look for suppliers like you? How did they find you?",
        "它们通过什么渠道寻找供应商？又是怎么找到你的？",
    ),
    "builders.S3.channels.example": ("Trade fairs and referrals", "行业展会和老客户推荐"),
    "builders.S3.other.label": ("Anything else they share", "其他共同点"),
    "builders.S3.other.help": (
        "Other traits your data or your team noticed.",
        "数据或团队注意到的其他共同特征。",
    ),
    "builders.S3.other.example": (
        "Family-owned; ISO 9001 certified",
        "家族企业；通过 ISO 9001 认证",
    ),
    # ------------------------------------------------------------ S4 goals
    "builders.S4.title": ("What they want to achieve", "客户想要实现的目标"),
    "builders.S4.intro": (
        "Why do these companies buy at all? Name the goals your product helps them reach — "
        "cutting costs, growing fast, streamlining their work, improving the bottom line, a "
        "social mission, or something else.",
        "这些公司为什么要买？写下你的产品帮它们实现的目标：降低成本、快速增长、优化工作流程、"
        "提升利润、实现社会使命，或者别的目标。",
    ),
    "builders.S4.goals.label": ("Their main goals", "主要目标"),
    "builders.S4.goals.help": (
        "One per line, the most important first.",
        "每行一个，最重要的放在前面。",
    ),
    "builders.S4.goals.example": (
        "cut costs\nstreamline their workflows",
        "降低成本\n优化内部工作流程",
    ),
    "builders.S4.trigger.label": ("What sets the purchase off", "什么促使它们采购"),
    "builders.S4.trigger.help": (
        "The event that makes the goal urgent now.",
        "让这个目标突然变得紧迫的事件。",
    ),
    "builders.S4.trigger.example": (
        "a new plant opens; an audit finds errors",
        "新工厂投产；审计发现差错",
    ),
    "builders.S4.success.label": ("How they know it worked", "如何判断目标达成"),
    "builders.S4.success.help": (
        "The result they would point to after a year.",
        "一年后它们会拿什么结果来证明。",
    ),
    "builders.S4.success.example": (
        "Month-end close in 3 days instead of 10",
        "月结从 10 天缩短到 3 天",
    ),
    # ------------------------------------------------------------ S5 buying process
    "builders.S5.title": ("How they buy", "客户的采购流程"),
    "builders.S5.intro": (
        "Map the buying process: who takes part and how many people, who champions you inside, "
        "what moves the decision maker, who signs, where the friction is, how much support and "
        "customisation they expect, and how long it all takes.",
        "梳理采购流程：有哪些人参与、一共几个人，谁在内部推动，什么能打动决策人，最终由谁签字，"
        "阻力在哪里，需要多少支持和定制，整个过程要多久。",
    ),
    "builders.S5.decider.label": ("Who makes the final decision?", "最终由谁拍板？"),
    "builders.S5.decider.help": ("The title of the person who signs.", "签字的人是什么职位。"),
    "builders.S5.decider.example": ("COO", "运营总监"),
    "builders.S5.stakeholders.label": (
        "Who else takes part, and how many?",
        "还有谁参与？一共几个人？",
    ),
    "builders.S5.stakeholders.help": (
        "Everyone who can sway the decision: users, IT, finance, purchasing.",
        "所有能左右决策的人：使用者、IT、财务、采购。",
    ),
    "builders.S5.stakeholders.example": (
        "3–5 people: plant manager, IT, purchasing",
        "3–5 人：厂长、IT、采购",
    ),
    "builders.S5.champion.label": ("Who champions you inside?", "谁在内部推动？"),
    "builders.S5.champion.help": (
        "The person who pushes the purchase through even though they do not sign.",
        "不签字、却在内部推动采购落地的人。",
    ),
    "builders.S5.champion.example": ("The plant manager", "厂长"),
    "builders.S5.motivation.label": (
        "What motivates the decision maker?",
        "决策人出于什么动机拍板？",
    ),
    "builders.S5.motivation.help": ("What do they gain personally?", "他们个人能得到什么？"),
    "builders.S5.motivation.example": (
        "Hitting the cost target the board set",
        "完成董事会定下的降本目标",
    ),
    "builders.S5.friction.label": ("Internal friction", "内部阻力"),
    "builders.S5.friction.help": ("Which teams push back, and why?", "哪些团队会反对？为什么？"),
    "builders.S5.friction.example": (
        "IT worries about the integration work",
        "IT 部门担心对接工作量",
    ),
    "builders.S5.support.label": ("Support they need", "支持需求"),
    "builders.S5.support.help": (
        "Hand-holding, onboarding, after-sales help, meetings.",
        "手把手指导、上线培训、售后支持、开会讨论。",
    ),
    "builders.S5.support.example": (
        "Two onboarding sessions, then very little",
        "两次上线培训，之后很少需要支持",
    ),
    "builders.S5.customisation.label": ("Customisation", "定制化需求"),
    "builders.S5.customisation.help": (
        "How much technical tailoring, and how much sales time does it take?",
        "需要多少技术定制？占用销售多少时间？",
    ),
    "builders.S5.customisation.example": (
        "Standard product plus one custom report",
        "标准产品，外加一张定制报表",
    ),
    "builders.S5.cycle.label": (
        "How long from first contact to signature?",
        "从首次接触到签约要多久？",
    ),
    "builders.S5.cycle.help": ("The typical sales cycle.", "典型的销售周期。"),
    "builders.S5.cycle.example": ("30–60 days", "30–60 天"),
    # ------------------------------------------------------------ S6 previous solution
    "builders.S6.title": ("What they used before you", "客户之前用的是什么"),
    "builders.S6.intro": (
        "Every customer coped with the problem somehow before you: with a competitor, not at "
        "all because they did not feel the pain, with a homegrown tool, or with a semi-manual "
        "process such as Excel. Knowing which tells you where to find the next ones and what "
        "to tell them.",
        "在用你之前，每个客户都以某种方式应付着这个问题：用竞争对手的产品；根本没意识到痛点；"
        "用自己开发的工具；或者用 Excel 之类的半手工方式。"
        "弄清是哪一种，就知道该去哪里找下一批客户、该对他们说什么。",
    ),
    "builders.S6.before.label": ("What did they use before?", "之前用的是什么？"),
    "builders.S6.before.help": (
        "Products, tools or ways of working, with examples.",
        "产品、工具或工作方式，最好举例说明。",
    ),
    "builders.S6.before.example": ("Excel and e-mail", "Excel 表格加邮件"),
    "builders.S6.kind.label": ("Which situation was it?", "属于哪种情况？"),
    "builders.S6.kind.help": (
        "A competitor's product, no awareness of the pain, a homegrown tool, or a semi-manual "
        "process.",
        "竞争对手的产品、没意识到痛点、自己开发的工具，还是半手工流程。",
    ),
    "builders.S6.kind.example": (
        "A semi-manual process: they thought Excel was good enough",
        "半手工流程：他们觉得用 Excel 就挺好",
    ),
    "builders.S6.switch.label": ("Why did they switch?", "为什么换成了你？"),
    "builders.S6.switch.help": (
        "The moment or the feature that made them change.",
        "促使他们改变的时刻或功能。",
    ),
    "builders.S6.switch.example": (
        "our reports replaced two days of copy-and-paste",
        "我们的报表省掉了两天的复制粘贴",
    ),
    # ------------------------------------------------------------ S7 statement
    "builders.S7.title": ("Your ICP statement", "理想客户画像描述"),
    "builders.S7.intro": (
        "Pull it all together into a short description of your ideal customer: who they are, "
        "what they share, what they want, how they buy and what they used before. Draft it "
        "from your answers, then make it your own.",
        "把前面的内容汇总成一段简短的理想客户描述：它们是谁、有什么共同点、想要什么、怎样采购、"
        "之前用什么。先根据你的回答生成草稿，再改成你自己的话。",
    ),
    "builders.S7.statement.label": ("ICP statement", "ICP 描述"),
    "builders.S7.statement.help": (
        "A paragraph your whole team can repeat. Start with “Draft from my answers”.",
        "一段全队都能复述的话。可以先点“根据回答生成草稿”。",
    ),
    "builders.S7.statement.example": (
        "Our ideal customers are manufacturing companies with 100–300 employees in East China…",
        "我们的理想客户是位于华东、员工 100–300 人的制造业企业……",
    ),
    "builders.S7.disqualifiers.label": ("Who is not a fit?", "哪些客户不适合？"),
    "builders.S7.disqualifiers.help": (
        "Traits common among the rest that rarely make a good customer.",
        "在其余客户中常见、却很少成为好客户的特征。",
    ),
    "builders.S7.disqualifiers.example": ("Agencies; one-off projects", "代理商；一次性项目型客户"),
    # ------------------------------------------------------------ P1 decider
    "builders.P1.title": ("Who makes the final decision", "谁是最终决策人"),
    "builders.P1.intro": (
        "Inside your ideal customer, who has the final say? Look at titles, seniority and "
        "duties. A B2B purchase involves a buying committee — a decider, an internal champion, "
        "influencers, users and a gatekeeper — and this persona is the decider.",
        "在理想客户公司里，谁说了算？看职位、资历和职责。B2B 采购往往牵涉一条决策链："
        "决策者、内部推动者、影响者、使用者和把关者；这里要描绘的是决策者。",
    ),
    "builders.P1.title.label": ("Job title", "职位"),
    "builders.P1.title.help": (
        "Are the titles similar across your best customers?",
        "最好客户的决策人职位是否相近？",
    ),
    "builders.P1.title.example": ("COO", "运营总监"),
    "builders.P1.seniority.label": ("Seniority", "资历层级"),
    "builders.P1.seniority.help": (
        "C-level, vice president, director or manager?",
        "高管、副总裁、总监还是经理？",
    ),
    "builders.P1.seniority.example": (
        "C-level executive, reports to the CEO",
        "高管，直接向总经理汇报",
    ),
    "builders.P1.duties.label": ("Duties", "职责"),
    "builders.P1.duties.help": ("What are they responsible for?", "他们负责什么？"),
    "builders.P1.duties.example": (
        "running operations across three plants",
        "三个工厂的日常运营",
    ),
    # ------------------------------------------------------------ P2 demographics
    "builders.P2.title": ("Who they are", "决策人的共同特征"),
    "builders.P2.intro": (
        "Beyond the role, what do these decision makers have in common as people? Fill in what "
        "you know and skip the rest; an educated guess is fine if you say so.",
        "除了角色，这些决策人作为个人还有哪些共同点？知道的就写，不知道的跳过；"
        "有根据的推测也可以，注明即可。",
    ),
    "builders.P2.age.label": ("Age", "年龄"),
    "builders.P2.age.help": ("A typical age range.", "典型的年龄段。"),
    "builders.P2.age.example": ("35–50", "35–50 岁"),
    "builders.P2.gender.label": ("Gender", "性别"),
    "builders.P2.gender.help": ("Only if it really differs.", "只在确有差异时填写。"),
    "builders.P2.gender.example": ("Mixed", "男女都有"),
    "builders.P2.location.label": ("Where they live", "居住地"),
    "builders.P2.location.help": ("City, region or type of place.", "城市、地区或居住类型。"),
    "builders.P2.location.example": ("Large cities in East China", "华东一二线城市"),
    "builders.P2.education.label": ("Education", "教育水平"),
    "builders.P2.education.help": ("Degrees and fields of study.", "学历和专业背景。"),
    "builders.P2.education.example": (
        "Engineering degree, often an MBA",
        "工科本科，不少读过 MBA",
    ),
    "builders.P2.income.label": ("Income", "收入水平"),
    "builders.P2.income.help": ("A rough band.", "大致区间。"),
    "builders.P2.income.example": ("Top 10% of earners", "年薪 50 万以上"),
    "builders.P2.marital.label": ("Marital status", "婚姻状态"),
    "builders.P2.marital.help": (
        "Single, married, with children — only if it changes how they decide.",
        "单身、已婚、有无子女——只在影响其决策方式时填写。",
    ),
    "builders.P2.marital.example": ("Married, children at school", "已婚，孩子在上学"),
    "builders.P2.reading.label": ("What they read", "阅读的媒体和博客"),
    "builders.P2.reading.help": (
        "Blogs, newsletters, magazines, podcasts.",
        "博客、公众号、杂志、播客。",
    ),
    "builders.P2.reading.example": (
        "Industry newsletters, Harvard Business Review",
        "行业公众号、《哈佛商业评论》",
    ),
    "builders.P2.hobbies.label": ("Hobbies and pastimes", "兴趣爱好和业余活动"),
    "builders.P2.hobbies.help": ("What they do outside work.", "工作之外做什么。"),
    "builders.P2.hobbies.example": ("Cycling, golf", "骑行、高尔夫"),
    "builders.P2.channels.label": ("Preferred channels", "喜欢的沟通渠道"),
    "builders.P2.channels.help": (
        "How they like to be reached.",
        "他们喜欢通过什么方式被联系。",
    ),
    "builders.P2.channels.example": ("E-mail and in-person visits", "微信、电话和上门拜访"),
    "builders.P2.habits.label": ("Work habits", "做事习惯"),
    "builders.P2.habits.help": (
        "How they work and decide day to day.",
        "日常如何工作、如何做决定。",
    ),
    "builders.P2.habits.example": (
        "Reads on the phone between meetings; decides with data",
        "会议间隙用手机看资料；用数据做决定",
    ),
    # ------------------------------------------------------------ P3 other traits
    "builders.P3.title": ("What else marks them out", "决策人的其他特征"),
    "builders.P3.intro": (
        "What else do they share? Personality, ambition, the social platforms they use, their "
        "skills and their experience.",
        "他们还有什么共同点？个性类型、抱负、常用的社交平台、技能专长和工作经验。",
    ),
    "builders.P3.personality.label": ("Personality", "个性类型"),
    "builders.P3.personality.help": ("How they come across.", "给人的印象如何。"),
    "builders.P3.personality.example": ("pragmatic, impatient with fluff", "务实，不喜欢空话"),
    "builders.P3.ambition.label": ("Ambition", "抱负水平"),
    "builders.P3.ambition.help": ("Where they want to go.", "他们想走到哪一步。"),
    "builders.P3.ambition.example": (
        "wants to run operations for a larger group",
        "希望成为集团的运营负责人",
    ),
    "builders.P3.social.label": ("Social platforms", "常用社交平台"),
    "builders.P3.social.help": ("Where they are active online.", "他们在哪些平台上活跃。"),
    "builders.P3.social.example": ("LinkedIn, WeChat", "微信、领英、抖音"),
    "builders.P3.skills.label": ("Skills and expertise", "技能与专长"),
    "builders.P3.skills.help": ("What they are known for.", "他们擅长什么。"),
    "builders.P3.skills.example": ("lean manufacturing, ERP projects", "精益生产、ERP 项目"),
    "builders.P3.experience.label": ("Experience", "工作经验"),
    "builders.P3.experience.help": ("Years and path.", "年限和经历。"),
    "builders.P3.experience.example": (
        "15+ years, came up through the shop floor",
        "15 年以上，从车间一线干上来",
    ),
    # ------------------------------------------------------------ P4 goals
    "builders.P4.title": ("What they want to achieve", "决策人想要实现的目标"),
    "builders.P4.intro": (
        "What do they need now, and what will they need next? Their responsibilities, how their "
        "performance is measured, their career goals, and the skills they need to do the job "
        "well now and in the future.",
        "他们现在需要什么？将来需要什么？工作职责、业绩如何衡量、职业目标，"
        "以及现在和将来做好工作所需的专业技能。",
    ),
    "builders.P4.responsibilities.label": ("Responsibilities", "工作职责"),
    "builders.P4.responsibilities.help": (
        "What they answer for.",
        "他们要对什么负责。",
    ),
    "builders.P4.responsibilities.example": (
        "output, quality and cost of three plants",
        "三个工厂的产量、质量和成本",
    ),
    "builders.P4.measures.label": ("How their performance is measured", "业绩如何衡量"),
    "builders.P4.measures.help": ("The KPIs they are judged by.", "考核他们的具体指标。"),
    "builders.P4.measures.example": ("cost per unit, on-time delivery", "单位成本、准时交付率"),
    "builders.P4.career.label": ("Career goals", "职业目标"),
    "builders.P4.career.help": (
        "Where they see themselves in a few years.",
        "几年后想到达的位置。",
    ),
    "builders.P4.career.example": ("a seat on the board within five years", "五年内进入董事会"),
    "builders.P4.skills.label": ("Skills they need, now and later", "现在和将来需要的技能"),
    "builders.P4.skills.help": (
        "What they must master to do the job well.",
        "要做好工作必须掌握什么。",
    ),
    "builders.P4.skills.example": (
        "data literacy; running automation projects",
        "数据分析能力；管理自动化项目",
    ),
    # ------------------------------------------------------------ P5 obstacles
    "builders.P5.title": ("What stands in the way of a sale", "阻碍成交的常见障碍"),
    "builders.P5.intro": (
        "Plan for the objections before they come: the challenges they and their employer face "
        "now and next, office politics, budget limits, lack of authority (someone above must "
        "approve), bad timing, and fear, uncertainty and doubt (FUD).",
        "在异议出现之前就做好准备：决策人和所在公司当前与未来面临的挑战、办公室政治、预算限制、"
        "购买权限不足（需要上级批准）、时机不对，以及恐惧、不确定和怀疑（FUD）。",
    ),
    "builders.P5.challenges.label": ("Their challenges, now and ahead", "当前和未来面临的挑战"),
    "builders.P5.challenges.help": (
        "What keeps them and their company busy or worried.",
        "让他们和公司忙碌或担忧的事情。",
    ),
    "builders.P5.challenges.example": (
        "rising labour costs; a customer audit next quarter",
        "人工成本上涨；下季度要接受客户审核",
    ),
    "builders.P5.politics.label": ("Office politics", "办公室政治"),
    "builders.P5.politics.help": ("Rivalries that could block you.", "可能挡住你的内部角力。"),
    "builders.P5.politics.example": (
        "IT and operations compete for the same budget",
        "IT 和运营在争同一笔预算",
    ),
    "builders.P5.budget.label": ("Budget limits", "预算限制"),
    "builders.P5.budget.help": ("When and how money is released.", "预算何时、以什么方式批下来。"),
    "builders.P5.budget.example": (
        "budget is set once a year, in November",
        "每年 11 月一次性定预算",
    ),
    "builders.P5.authority.label": ("Lack of authority", "购买权限不足"),
    "builders.P5.authority.help": (
        "Does someone above them have to approve?",
        "是否需要上级批准？",
    ),
    "builders.P5.authority.example": (
        "anything over 200k needs the CEO",
        "超过 20 万需要总经理批准",
    ),
    "builders.P5.timing.label": ("Timing", "时机"),
    "builders.P5.timing.help": ("When is the wrong time to buy?", "什么时候不适合采购？"),
    "builders.P5.timing.example": (
        "nothing new during peak season (Sep–Dec)",
        "旺季（9–12 月）不上新系统",
    ),
    "builders.P5.fud.label": ("Fear, uncertainty and doubt", "恐惧、不确定和怀疑（FUD）"),
    "builders.P5.fud.help": ("What they are afraid could go wrong.", "他们担心会出什么问题。"),
    "builders.P5.fud.example": (
        "afraid a failed rollout will stop production",
        "担心上线失败影响生产",
    ),
    # ------------------------------------------------------------ P6 purchase view
    "builders.P6.title": ("How they see the purchase", "决策人如何看待采购"),
    "builders.P6.intro": (
        "Talk to decision makers and learn how the purchase looks from their side: whom else "
        "they must convince, where they get information, how long they take, what stands in "
        "their way inside, how they research, and whether they hunt bargains or want the best "
        "at any price.",
        "多和决策人聊聊，弄清他们眼中的采购是什么样的：还要说服谁，从哪里获取信息，需要多久，"
        "公司内部有什么障碍，怎样做购前调查，是四处比价还是不惜代价要最好的。",
    ),
    "builders.P6.others.label": ("Other decision makers to convince", "还要说服哪些决策人"),
    "builders.P6.others.help": ("Who else must say yes?", "还有谁必须点头？"),
    "builders.P6.others.example": ("the CFO", "财务总监"),
    "builders.P6.sources.label": ("Where they get information", "从哪里获取信息"),
    "builders.P6.sources.help": (
        "Peers, events, analysts, search, communities.",
        "同行、展会、分析报告、搜索、社群。",
    ),
    "builders.P6.sources.example": ("peers at other plants; trade fairs", "同行交流；行业展会"),
    "builders.P6.time.label": ("How long they take to decide", "做决定需要多久"),
    "builders.P6.time.help": (
        "From first interest to yes.",
        "从产生兴趣到最终同意。",
    ),
    "builders.P6.time.example": ("about two months", "大约两个月"),
    "builders.P6.obstacles.label": ("Obstacles inside their company", "公司内部的障碍"),
    "builders.P6.obstacles.help": (
        "What they have to get past internally.",
        "他们在公司内部要跨过哪些坎。",
    ),
    "builders.P6.obstacles.example": ("a full IT roadmap", "IT 排期已满"),
    "builders.P6.research.label": ("How they research before buying", "购前如何调查"),
    "builders.P6.research.help": ("What they check before they commit.", "下决定前会核实什么。"),
    "builders.P6.research.example": (
        "asks for references and a site visit",
        "要求提供案例并实地考察",
    ),
    "builders.P6.stakeholders.label": (
        "Other stakeholders they talk to",
        "还会和哪些利益相关人商量",
    ),
    "builders.P6.stakeholders.help": (
        "People who influence the decision without owning it.",
        "不拍板、但能影响决策的人。",
    ),
    "builders.P6.stakeholders.example": ("plant managers, IT, purchasing", "厂长、IT、采购"),
    "builders.P6.style.label": ("Bargain hunter or best at any price?", "精打细算还是不惜代价？"),
    "builders.P6.style.help": ("How they behave when they buy.", "他们购买时的表现。"),
    "builders.P6.style.example": (
        "wants the best, but needs numbers to justify it",
        "要最好的，但需要数据说服老板",
    ),
    # ------------------------------------------------------------ P7 story
    "builders.P7.title": ("Their story", "用故事描述理想决策人"),
    "builders.P7.intro": (
        "Tell the decision maker's story as if introducing a colleague: who they are, what "
        "drives them, what worries them and how they decide. Draft it from your answers, then "
        "make it sound like a real person.",
        "像介绍一位同事那样讲讲这位决策人：他是谁、动力是什么、担心什么、怎样做决定。"
        "先根据你的回答生成草稿，再改得像一个真实的人。",
    ),
    "builders.P7.story.label": ("The story", "决策人故事"),
    "builders.P7.story.help": (
        "Start with “Draft from my answers”, then edit.",
        "可以先点“根据回答生成草稿”，再修改。",
    ),
    "builders.P7.story.example": (
        "Meet the COO of a 200-person manufacturer…",
        "这是一家 200 人制造企业的运营总监……",
    ),
    # ------------------------------------------------------------ method options
    "builders.opt.S1.criteria.cycle": ("shortest sales cycle", "销售周期最短"),
    "builders.opt.S1.criteria.profit": ("highest profit", "利润最高"),
    "builders.opt.S1.criteria.volume": ("largest deal value and volume", "成交金额和成交量最大"),
    "builders.opt.S1.criteria.referrals": ("refer us to others", "愿意向别人推荐我们"),
    "builders.opt.S1.criteria.support": ("need the least support", "所需支持最少"),
    "builders.opt.S1.criteria.ltv_cac": ("best LTV/CAC", "LTV/CAC 最高"),
    "builders.opt.S3.team.distributed": (
        "distributed team (several sites or remote)",
        "分散型团队（多地办公或远程）",
    ),
    "builders.opt.S3.team.centralised": (
        "centralised team (one main office)",
        "集中型团队（集中在总部办公）",
    ),
    "builders.opt.S4.goals.cost": ("cut costs", "降低成本"),
    "builders.opt.S4.goals.growth": ("grow fast", "实现业务快速增长"),
    "builders.opt.S4.goals.workflow": ("streamline their workflows", "优化内部工作流程"),
    "builders.opt.S4.goals.bottom_line": ("improve the bottom line", "提升利润底线"),
    "builders.opt.S4.goals.mission": ("fulfil a social mission", "实现社会使命"),
    "builders.opt.S6.kind.competitor": ("a competitor's product", "竞争对手的产品"),
    "builders.opt.S6.kind.unaware": (
        "nothing — they did not feel the pain yet",
        "什么都没用——还没意识到这个痛点",
    ),
    "builders.opt.S6.kind.homegrown": ("a tool they built themselves", "自己开发的工具"),
    "builders.opt.S6.kind.manual": (
        "a semi-manual process such as spreadsheets or paper",
        "Excel 表格、纸质单据之类的半手工流程",
    ),
    "builders.opt.P1.seniority.c_level": ("C-level executive", "公司高管"),
    "builders.opt.P1.seniority.vp": ("vice president", "副总裁"),
    "builders.opt.P1.seniority.director": ("director or head of department", "总监或部门负责人"),
    "builders.opt.P1.seniority.manager": ("manager", "经理"),
    "builders.opt.P6.style.bargain": (
        "a bargain hunter who shops around for the cheapest option",
        "精打细算，四处比价找更便宜的方案",
    ),
    "builders.opt.P6.style.best": (
        "wants the best possible solution, whatever it costs",
        "不惜代价，只要最好的解决方案",
    ),
    # ------------------------------------------------------------ suggestion texts
    "builders.sug.criteria_outcome": (
        "best = the customers we won, compared with those we did not",
        "最佳客户 = 已签约客户，与未签约客户对比",
    ),
    "builders.sug.criterion_weight": (
        "{criterion} (weight {weight})",
        "{criterion}（权重 {weight}）",
    ),
    "builders.sug.uses": ("uses {value}", "使用 {value}"),
    "builders.sug.column_value": ("{column}: {value}", "{column}：{value}"),
    "builders.sug.employees": ("{range} employees", "员工 {range} 人"),
    "builders.sug.column_range": ("{column} {range}", "{column} {range}"),
    "builders.sug.days": ("{range} days", "{range} 天"),
    "builders.sug.median_vs": (
        "{column}: median {best} (the rest: {rest})",
        "{column}：中位数 {best}（其余客户 {rest}）",
    ),
    "builders.sug.kpi": (
        "{kpi}: {best} vs {rest} for the rest",
        "{kpi}：最佳客户 {best}，其余 {rest}",
    ),
    "builders.sug.mentions": ("often mentioned: {words}", "常被提到：{words}"),
    "builders.sug.mentioned": ("“{word}” (from {column})", "“{word}”（来自{column}）"),
    "builders.sug.value_column": ("{value} ({column})", "{value}（{column}）"),
    "builders.sug.title_role": ("{title} ({role})", "{title}（{role}）"),
    "builders.sug.measure.cost": ("cost savings", "节省的成本"),
    "builders.sug.measure.growth": ("revenue growth and new customers", "收入增长和新客户数"),
    "builders.sug.measure.workflow": ("cycle times and team productivity", "流程周期和团队效率"),
    "builders.sug.measure.bottom_line": ("profit and margin", "利润和毛利率"),
    "builders.sug.measure.mission": ("social-impact targets", "社会影响力指标"),
    # ------------------------------------------------------------ evidence
    "builders.ev.trait": (
        "{count} of best {n} ({column}) · {rest_pct}% of the rest",
        "最佳 {n} 个中有 {count} 个（{column}）· 其余客户中占 {rest_pct}%",
    ),
    "builders.ev.trait_outcome": (
        "{count} of {n} won ({column}) · {rest_pct}% of the others",
        "{n} 个已签约中有 {count} 个（{column}）· 未签约中占 {rest_pct}%",
    ),
    "builders.ev.numeric": (
        "Range of most of best {n} ({column}) · median {best} vs {rest} for the rest",
        "最佳 {n} 个客户中多数所在区间（{column}）· 中位数 {best}，其余 {rest}",
    ),
    "builders.ev.numeric_outcome": (
        "Range of most of {n} won ({column}) · median {best} vs {rest} for the others",
        "{n} 个已签约客户中多数所在区间（{column}）· 中位数 {best}，未签约 {rest}",
    ),
    "builders.ev.mode_outcome": (
        "You chose to compare by outcome on the Best customers page",
        "你在“最佳客户”页面选择了按结果列对比",
    ),
    "builders.ev.best_top": ("Top {n} by best-customer score", "按最佳客户得分排名前 {n}"),
    "builders.ev.best_outcome": ("The {n:count:customer|customers} you won", "{n} 个已签约客户"),
    "builders.ev.criteria": ("The {count} criteria your ranking uses", "排名所用的 {count} 项标准"),
    "builders.ev.kind_from": ("Based on “{value}”", "依据“{value}”"),
    "builders.ev.warning": (
        "{count} of the other {n} · only {best_pct}% of the best",
        "其余 {n} 个中有 {count} 个 · 最佳客户中仅占 {best_pct}%",
    ),
    "builders.ev.warning_outcome": (
        "{count} of {n} not won · only {best_pct}% of the won",
        "{n} 个未签约中有 {count} 个 · 已签约中仅占 {best_pct}%",
    ),
    "builders.ev.kpi": ("Best vs rest", "最佳客户与其余客户对比"),
    "builders.ev.kpi_outcome": ("Won vs not won", "已签约与未签约对比"),
    "builders.ev.keyword": (
        "“{word}” in the {column} of {count:count:best customer|best customers}",
        "{count} 个最佳客户的{column}中提到“{word}”",
    ),
    "builders.ev.keyword_outcome": (
        "“{word}” in the {column} of {count:count:won customer|won customers}",
        "{count} 个已签约客户的{column}中提到“{word}”",
    ),
    "builders.ev.keyword_all": (
        "“{word}” in the {column} of {count:count:customer|customers}",
        "{count} 个客户的{column}中提到“{word}”",
    ),
    "builders.ev.keywords_top": (
        "Words the best use far more than the rest in {column}",
        "最佳客户在{column}中明显多于其余客户使用的词",
    ),
    "builders.ev.title": (
        "{count} of best {n} contacts · {role}",
        "最佳 {n} 个客户中有 {count} 位联系人 · {role}",
    ),
    "builders.ev.title_outcome": (
        "{count} of {n} won customers' contacts · {role}",
        "{n} 个已签约客户中有 {count} 位联系人 · {role}",
    ),
    "builders.ev.title_all": (
        "{count} of {n} customers' contacts · {role}",
        "{n} 个客户中有 {count} 位联系人 · {role}",
    ),
    "builders.ev.committee_across": (
        "seen across your best accounts (one contact each): {titles} titles in {roles} roles",
        "来自各最佳客户（每家一位联系人）：{titles} 种职位，对应 {roles} 种角色",
    ),
    "builders.ev.committee": (
        "{titles} titles in {roles} buying-committee roles",
        "{titles} 种职位，对应 {roles} 种采购决策链角色",
    ),
    # ------------------------------------------------------------ buying committee, KPIs, gaps
    "builders.role.decider": ("decider", "决策者"),
    "builders.role.champion": ("internal champion", "内部推动者"),
    "builders.role.influencer": ("influencer", "影响者"),
    "builders.role.user": ("user", "使用者"),
    "builders.role.gatekeeper": ("gatekeeper", "把关者"),
    "builders.role.unknown": ("role unclear", "角色不明"),
    "builders.kpi.ltv_cac": ("LTV/CAC", "LTV/CAC"),
    "builders.kpi.sales_cycle_days": ("Sales cycle (days)", "销售周期（天）"),
    "builders.kpi.employees": ("Employees", "员工人数"),
    "builders.kpi.deal_value": ("Deal value", "成交金额"),
    # ------------------------------------------------------------ ICP statement template
    "builders.draft.icp.lead": (
        "Our ideal customers are {industry} companies with {size}{location}.",
        "我们的理想客户是{location}{size}的{industry}企业。",
    ),
    "builders.draft.icp.lead_noun": (
        "Our ideal customers are {industry} with {size}{location}.",
        "我们的理想客户是{location}{size}的{industry}。",
    ),
    "builders.draft.icp.lead_industry": (
        "Our ideal customers are {industry} companies{location}.",
        "我们的理想客户是{location}{industry}企业。",
    ),
    "builders.draft.icp.lead_industry_noun": (
        "Our ideal customers are {industry}{location}.",
        "我们的理想客户是{location}{industry}。",
    ),
    "builders.draft.icp.lead_size": (
        "Our ideal customers are companies with {size}{location}.",
        "我们的理想客户是{location}{size}的企业。",
    ),
    "builders.draft.icp.lead_any": (
        "Our ideal customers{location} look like the best customers we have today.",
        "我们的理想客户{location}与我们现有的最佳客户相似。",
    ),
    "builders.draft.icp_person.lead_any": (
        "Our ideal customers are people{location} like the best customers we have today.",
        "我们的理想客户是{location}与现有最佳客户相似的个人。",
    ),
    "builders.draft.icp.location": (" in {location}", "位于{location}、"),
    "builders.draft.icp.location_of": (" in {location}", "位于{location}的"),
    "builders.draft.icp.location_any": (" in {location}", "（位于{location}）"),
    "builders.draft.icp.finance": ("Typical figures: {finance}.", "典型经营数据：{finance}。"),
    "builders.draft.icp.growth": ("Stage and growth: {growth}.", "发展阶段与增长：{growth}。"),
    "builders.draft.icp.apart": ("What sets them apart: {traits}.", "它们的显著特点是：{traits}。"),
    "builders.draft.icp.goals": ("They buy to {goals}.", "它们购买是为了{goals}。"),
    "builders.draft.icp.trigger": (
        "What sets the purchase off: {trigger}.",
        "促使它们采购的契机：{trigger}。",
    ),
    "builders.draft.icp.before": (
        "Before us, they relied on {before}.",
        "在使用我们之前，它们依靠的是{before}。",
    ),
    "builders.draft.icp.before_kind": (
        "Before us, they relied on {before} — {kind}.",
        "在使用我们之前，它们依靠的是{before}（{kind}）。",
    ),
    "builders.draft.icp.switch": ("Why they switch: {switch}.", "它们转向我们的原因：{switch}。"),
    "builders.draft.icp_person.apart": (
        "What sets them apart: {traits}.",
        "他们的显著特点是：{traits}。",
    ),
    "builders.draft.icp_person.goals": ("They buy to {goals}.", "他们购买是为了{goals}。"),
    "builders.draft.icp_person.trigger": (
        "What sets the purchase off: {trigger}.",
        "促使他们购买的契机：{trigger}。",
    ),
    "builders.draft.icp_person.before": (
        "Before us, they relied on {before}.",
        "在选择我们之前，他们依靠的是{before}。",
    ),
    "builders.draft.icp_person.before_kind": (
        "Before us, they relied on {before} — {kind}.",
        "在选择我们之前，他们依靠的是{before}（{kind}）。",
    ),
    "builders.draft.icp_person.switch": (
        "Why they switch: {switch}.",
        "他们转向我们的原因：{switch}。",
    ),
    "builders.draft.icp.decider": (
        "The final decision is made by the {decider}.",
        "最终拍板的是{decider}。",
    ),
    "builders.draft.icp.champion": (
        "Inside the company, the {champion} champions the purchase.",
        "在公司内部推动采购的是{champion}。",
    ),
    "builders.draft.icp.stakeholders": (
        "Also involved: {stakeholders}.",
        "参与采购的还有：{stakeholders}。",
    ),
    "builders.draft.icp.cycle": (
        "A typical sales cycle takes {cycle}.",
        "典型的销售周期为{cycle}。",
    ),
    "builders.draft.icp.disqualifiers": (
        "Not a fit: {disqualifiers}.",
        "不适合的客户：{disqualifiers}。",
    ),
    "builders.draft.icp.examples": (
        "Customers that fit this profile today include {names}.",
        "目前符合这一画像的客户有{names}等。",
    ),
    # ------------------------------------------------------------ persona story template
    "builders.draft.persona.company": (
        "a {industry} company with {size}",
        "一家{size}的{industry}企业",
    ),
    "builders.draft.persona.company_nosize": ("a {industry} company", "一家{industry}企业"),
    "builders.draft.persona.company_person": ("our ideal customers", "我们的理想客户"),
    "builders.draft.persona.lead_notitle": (
        "Meet our ideal decision maker at {company}.",
        "我们的理想决策人来自{company}。",
    ),
    "builders.draft.persona.lead_person": (
        "Meet the person who decides to buy among {company}.",
        "{company}中拍板购买的那个人，就是我们的理想决策人。",
    ),
    "builders.draft.persona.company_any": (
        "one of our ideal customers",
        "我们的一家理想客户企业",
    ),
    "builders.draft.persona.lead": (
        "Meet our ideal decision maker: the {title} at {company}.",
        "我们的理想决策人是{company}的{title}。",
    ),
    "builders.draft.persona.lead_sen": (
        "Meet our ideal decision maker: the {title} at {company} ({seniority}).",
        "我们的理想决策人是{company}的{title}（{seniority}）。",
    ),
    "builders.draft.persona.duties": ("They are in charge of {duties}.", "主要负责{duties}。"),
    "builders.draft.persona.profile": ("Profile: {profile}.", "基本画像：{profile}。"),
    "builders.draft.persona.media": (
        "They keep informed through {media}.",
        "平时通过{media}获取资讯。",
    ),
    "builders.draft.persona.life": ("Hobbies and habits: {life}.", "兴趣与习惯：{life}。"),
    "builders.draft.persona.traits": ("As a person: {traits}.", "个人特质：{traits}。"),
    "builders.draft.persona.social": (
        "You will find them on {social}.",
        "常用的社交平台是{social}。",
    ),
    "builders.draft.persona.responsibilities": (
        "Day to day they answer for {responsibilities}.",
        "日常要对{responsibilities}负责。",
    ),
    "builders.draft.persona.measures": (
        "Their performance is measured by {measures}.",
        "考核其业绩的指标是{measures}。",
    ),
    "builders.draft.persona.career": ("Their career goal: {career}.", "职业目标：{career}。"),
    "builders.draft.persona.skills": (
        "Skills they need now and next: {skills}.",
        "现在和将来需要的技能：{skills}。",
    ),
    "builders.draft.persona.obstacles": (
        "What can stop the sale: {obstacles}.",
        "可能阻碍成交的因素：{obstacles}。",
    ),
    "builders.draft.persona.others": (
        "Before saying yes, they have to win over others: {others}.",
        "拍板之前，还需要说服{others}。",
    ),
    "builders.draft.persona.stakeholders": (
        "They also talk it over with {stakeholders}.",
        "还会和{stakeholders}商量。",
    ),
    "builders.draft.persona.sources": (
        "They gather information from {sources}.",
        "会从{sources}获取额外信息。",
    ),
    "builders.draft.persona.research": (
        "Their research before buying: {research}.",
        "购前调查方式：{research}。",
    ),
    "builders.draft.persona.time": (
        "A decision usually takes {time}.",
        "做出购买决定通常需要{time}。",
    ),
    "builders.draft.persona.inner": ("Internal hurdles: {obstacles}.", "内部障碍：{obstacles}。"),
    "builders.draft.persona.style": ("When it comes to price: {style}.", "在价格上：{style}。"),
    # ------------------------------------------------------------ "use it" checklist
    "builders.use.title": ("Put it to work", "把画像用起来"),
    "builders.use.intro": (
        "Tick each item once your ICP and persona have shaped it.",
        "当理想客户画像和决策人画像已经落实到某一项时，就勾选它。",
    ),
    "builders.use.marketing": ("Marketing", "营销"),
    "builders.use.marketing.site": (
        "Website positioning: a visitor from your ICP understands at once what you do and what "
        "to do next.",
        "网站定位：理想客户一进网站就明白你是做什么的、下一步该做什么。",
    ),
    "builders.use.marketing.content": (
        "Content: it speaks to the right audience, goes out through their channels, and has "
        "clear success metrics.",
        "内容营销：内容能吸引对的受众，通过对的渠道传播，并设有合理的衡量指标。",
    ),
    "builders.use.marketing.ads": (
        "Ad spend: sized to the lifetime value of your ideal customer — neither too little nor "
        "too much.",
        "广告支出：与理想客户的终身价值相匹配，既不过少也不过多。",
    ),
    "builders.use.marketing.cases": (
        "Case studies: feature customers who match the ICP and the persona.",
        "客户案例：展示符合理想客户画像和决策人画像的案例。",
    ),
    "builders.use.sales": ("Sales", "销售"),
    "builders.use.sales.team": (
        "Team structure: transactional, inside or field sales — whichever fits how your ICP buys.",
        "团队结构：交易型、内部销售还是现场销售，要与理想客户的采购方式相匹配。",
    ),
    "builders.use.sales.targets": (
        "Prospecting: use the persona's title and seniority to find the decision makers in new "
        "target accounts, not only whoever answers first.",
        "拓客：用决策人画像的职位和层级，在新的目标客户中找到真正的决策人，而不是先接电话的人。",
    ),
    "builders.use.sales.enablement": (
        "Sales enablement: materials answer the concerns of everyone in the buying committee.",
        "销售支持材料：能打消采购决策链上每个利益相关人的顾虑。",
    ),
    "builders.use.sales.demo": (
        "Demo: it speaks to the decision maker, and the team is trained to handle each "
        "stakeholder.",
        "产品演示：演示内容契合理想决策人，销售团队经过培训，能应对并说服各个利益相关人。",
    ),
    "builders.use.product": ("Product", "产品"),
    "builders.use.product.onboarding": (
        "Onboarding: the first-run experience fits the skills of the people who try it.",
        "产品上手：试用体验与试用者的技能水平相匹配。",
    ),
    "builders.use.product.roadmap": (
        "Roadmap: it raises the lifetime value of your best customers.",
        "产品路线图：能持续提升最好客户的终身价值。",
    ),
    # ------------------------------------------------------------ pages
    "builders.ui.icp_title": ("ICP builder", "理想客户画像（ICP）"),
    "builders.ui.icp_caption": (
        "Seven steps from your best customers to a one-paragraph ICP. Visit them in any order; "
        "everything saves as you type.",
        "七个步骤，从最好的客户到一段理想客户描述。步骤可以任意顺序填写，输入即自动保存。",
    ),
    "builders.ui.persona_title": ("Decision-maker builder", "决策人画像"),
    "builders.ui.persona_caption": (
        "Seven steps to the person who signs, then a checklist to put both profiles to work. "
        "Visit them in any order; everything saves as you type.",
        "七个步骤描绘最终签字的人，最后用清单把两个画像落到实处。步骤可以任意顺序填写，"
        "输入即自动保存。",
    ),
    "builders.ui.step_picker": ("Step", "步骤"),
    "builders.ui.step_label": ("{mark} {id} · {title}", "{mark} {id} · {title}"),
    "builders.ui.progress": ("{done}/{total} steps done", "已完成 {done}/{total} 步"),
    "builders.ui.required": ("required", "必填"),
    "builders.ui.required_suffix": (" (required)", "（必填）"),
    "builders.ui.missing": ("Still empty (required): {prompts}", "尚未填写的必填项：{prompts}"),
    "builders.ui.suggestions": ("From your data", "来自数据的建议"),
    "builders.ui.options": ("Ideas from the method", "方法中的常见选项"),
    "builders.ui.use": ("Use", "采用"),
    "builders.ui.use_all": ("Use all", "全部采用"),
    "builders.ui.example": ("e.g. {example}", "例如：{example}"),
    "builders.ui.draft": ("Draft from my answers", "根据回答生成草稿"),
    "builders.ui.confirm_overwrite": (
        "This replaces the text you already have. Replace it?",
        "这会替换现有的文字，确定要替换吗？",
    ),
    "builders.ui.replace": ("Replace", "替换"),
    "builders.ui.cancel": ("Cancel", "取消"),
    "builders.ui.prev": ("Previous", "上一步"),
    "builders.ui.next": ("Next", "下一步"),
    "builders.ui.no_analysis": (
        "No analysis yet, so there are no data suggestions. Load and map a customer list on "
        "the Data page; the method's prompts and examples are here either way.",
        "还没有分析结果，因此没有来自数据的建议。请在“数据”页面加载并映射客户名单；"
        "方法中的提示和示例照常可用。",
    ),
}
