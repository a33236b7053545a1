"""Write the three sample customer lists (deterministic: fixed numpy seeds).

    python sample_data/make_samples.py

Each list hides one "ideal customer" segment: a random ~20% of rows are
drawn as ideal customers, whose planted traits are much more common and
whose outcomes are better (shorter cycle, bigger deals, more referrals, fewer
tickets, more often won).  Some columns are pure noise.  README.md in this
folder says which is which, so tests and demos can check that the analysis
finds something true.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import numpy as np
import openpyxl
from openpyxl.styles import Font

HERE = Path(__file__).resolve().parent
FIXED_TIME = dt.datetime(2025, 1, 15, 9, 0, 0)


def _pick(rng: np.random.Generator, values: list[str], weights: list[float] | None = None) -> str:
    p = None if weights is None else np.asarray(weights, dtype=float) / sum(weights)
    return values[int(rng.choice(len(values), p=p))]


def _planted(rng: np.random.Generator, ideal: bool, target: str, others: list[str]) -> str:
    """``target`` with probability 0.8 for ideal rows, 0.12 for the rest."""
    if rng.random() < (0.8 if ideal else 0.12):
        return target
    return _pick(rng, others)


def _save(wb: openpyxl.Workbook, path: Path) -> None:
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    wb.properties.creator = "ICP Workbench sample generator"
    buf = io.BytesIO()
    wb.save(buf)
    # re-pack with fixed timestamps so the file is byte-identical on every run
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=FIXED_TIME.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            data = src.read(item.filename)
            if item.filename == "docProps/core.xml":  # openpyxl stamps "modified" with now
                stamp = rb"\g<1>2025-01-15T09:00:00Z"
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", stamp, data)
            dst.writestr(info, data)


# ---------------------------------------------------------------------------
# a. English B2B SaaS, messy CRM export
# ---------------------------------------------------------------------------

SAAS_HEADER = [
    "Company",
    "Industry",
    "Region",
    "Employees",
    "Plan",
    "ACV",
    "Gross margin (%)",
    "Sales cycle (days)",
    "Support tickets",
    "Referrals",
    "CAC",
    "Lead source",
    "Contact title",
    "Previous solution",
    "Tools used",
    "Status",
    "Created",
    "Closed",
    "Notes",
]

_EN_WORDS_A = [
    "Acme", "Northwind", "Bluebird", "Granite", "Summit", "Riverside", "Ironclad", "Evergreen",
    "Pioneer", "Lakeshore", "Redwood", "Keystone", "Harbor", "Silverline", "Falcon", "Cobalt",
    "Maple", "Orion", "Atlas", "Beacon", "Crescent", "Delta", "Everest", "Frontier", "Golden",
    "Horizon", "Juniper", "Kestrel", "Liberty", "Meridian", "Nova", "Oakridge", "Prairie",
    "Quantum", "Ridgeway", "Sterling", "Trident", "Union", "Vertex", "Westfield",
]  # fmt: skip
_EN_WORDS_B = {
    "Manufacturing": ["Manufacturing", "Fabrication", "Components", "Industries", "Machining"],
    "Software": ["Software", "Labs", "Cloud", "Systems", "Digital"],
    "Retail": ["Retail", "Stores", "Outfitters", "Market", "Goods"],
    "Healthcare": ["Health", "Clinics", "Medical", "Care", "Diagnostics"],
    "Financial services": ["Capital", "Finance", "Partners", "Advisors", "Lending"],
    "Logistics": ["Logistics", "Freight", "Transport", "Shipping", "Supply"],
    "Education": ["Academy", "Learning", "Schools", "Education", "Institute"],
}
_EN_SUFFIX = ["Inc.", "LLC", "Ltd", "Co.", "Group", "Corp."]
SAAS_INDUSTRIES = list(_EN_WORDS_B)
SAAS_TITLES = [
    "CEO",
    "CTO",
    "CFO",
    "Head of Sales",
    "IT Manager",
    "Office Manager",
    "VP Operations",
]
SAAS_PREVIOUS = ["Spreadsheets", "Salesforce", "HubSpot", "In-house tool", "Zoho CRM", "No tool"]
SAAS_REGIONS = ["North America", "EMEA", "APAC", "LATAM"]
SAAS_SOURCES = ["Website", "Webinar", "Outbound", "Paid search", "Partner", "Trade show"]
SAAS_TOOLS = ["Salesforce", "Slack", "HubSpot", "Jira", "Excel", "Zendesk", "Microsoft Teams"]
_EN_NOTES_GOOD = [
    "wants shop-floor visibility",
    "replacing spreadsheets",
    "ops team drove the evaluation",
    "fast legal review",
    "asked about multi-site rollout",
    "champion is the VP Ops",
]
_EN_NOTES_ANY = [
    "price sensitive",
    "needs SSO",
    "asked for a discount",
    "long security questionnaire",
    "evaluating two competitors",
    "budget approved for Q3",
    "slow procurement",
    "requested API docs",
    "pilot with one team first",
    "renewal risk flagged",
]


def _employees(rng: np.random.Generator, ideal: bool) -> int:
    if rng.random() < (0.8 if ideal else 0.12):
        return int(rng.integers(100, 301))
    while True:  # everyone else: log-uniform 5 … 5000, outside 100–300
        v = int(np.exp(rng.uniform(np.log(5), np.log(5000))))
        if not 100 <= v <= 300:
            return v


def saas_rows(n: int = 320, seed: int = 11) -> list[dict]:
    rng = np.random.default_rng(seed)
    rows: list[dict] = []
    used: set[str] = set()
    for _ in range(n):
        ideal = rng.random() < 0.2
        industry = _planted(
            rng, ideal, "Manufacturing", [i for i in SAAS_INDUSTRIES if i != "Manufacturing"]
        )
        while True:
            words = (_EN_WORDS_A, _EN_WORDS_B[industry], _EN_SUFFIX)
            name = " ".join(_pick(rng, w) for w in words)
            if name not in used:
                used.add(name)
                break
        emp = _employees(rng, ideal)
        plan = "Starter" if emp < 50 else "Growth" if emp < 500 else "Enterprise"
        if rng.random() < 0.15:  # plans do not follow size strictly
            plan = _pick(rng, ["Starter", "Growth", "Enterprise"])
        base_acv = {"Starter": 6000, "Growth": 18000, "Enterprise": 48000}[plan]
        acv = int(round(base_acv * (1.7 if ideal else 1.0) * rng.lognormal(0, 0.3), -2))
        margin = float(np.clip(rng.normal(78 if ideal else 66, 6), 35, 92))
        cycle = int(max(7, rng.normal(28 if ideal else 75, 10 if ideal else 30)))
        tickets = int(rng.poisson(1.5 if ideal else 7))
        referrals = int(rng.poisson(2.5 if ideal else 0.4))
        cac = int(round(acv * rng.uniform(0.15, 0.35) * (0.7 if ideal else 1.0), -1))
        status = _pick(
            rng, ["Won", "Lost", "Open"], [0.72, 0.13, 0.15] if ideal else [0.35, 0.45, 0.2]
        )
        created = dt.datetime(2023, 1, 2) + dt.timedelta(days=int(rng.integers(0, 600)))
        closed = created + dt.timedelta(days=cycle) if status != "Open" else None
        tools = sorted(set(rng.choice(SAAS_TOOLS, size=int(rng.integers(1, 4)), replace=True)))
        notes = [_pick(rng, _EN_NOTES_GOOD if ideal and rng.random() < 0.7 else _EN_NOTES_ANY)]
        if rng.random() < 0.5:
            notes.append(_pick(rng, _EN_NOTES_ANY))
        row = {
            "Company": name,
            "Industry": industry,
            "Region": _pick(rng, SAAS_REGIONS),
            "Employees": emp,
            "Plan": plan,
            "ACV": f"${acv:,}",
            "Gross margin (%)": round(margin, 1),
            "Sales cycle (days)": cycle if status != "Open" else "N/A",
            "Support tickets": tickets if status == "Won" else "N/A",
            "Referrals": referrals if status == "Won" else 0,
            "CAC": f"${cac:,}",
            "Lead source": _pick(rng, SAAS_SOURCES),
            "Contact title": _planted(rng, ideal, "VP Operations", SAAS_TITLES[:-1]),
            "Previous solution": _planted(rng, ideal, "Spreadsheets", SAAS_PREVIOUS[1:]),
            "Tools used": ", ".join(tools),
            "Status": status,
            "Created": created,
            "Closed": closed,
            "Notes": "; ".join(dict.fromkeys(notes)).capitalize(),
            "_ideal": ideal,
        }
        # CRM mess: some unknowns
        for col in ("Industry", "Gross margin (%)", "Contact title", "Previous solution"):
            if rng.random() < 0.03:
                row[col] = "N/A"
        rows.append(row)
    return rows


def write_saas(path: Path) -> list[dict]:
    rows = saas_rows()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer export — Pipeline CRM — generated 2025-01-15"])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([])
    ws.append(SAAS_HEADER)
    for c in ws[3]:
        c.font = Font(bold=True)
    blank_after = {57, 141, 250}
    for i, r in enumerate(rows):
        ws.append([r[h] for h in SAAS_HEADER])
        if i in blank_after:
            ws.append([])
    last = ws.max_row
    for col in ("Created", "Closed"):
        j = SAAS_HEADER.index(col) + 1
        for row in ws.iter_rows(min_row=4, max_row=last, min_col=j, max_col=j):
            row[0].number_format = "yyyy-mm-dd"
    total_acv = sum(int(r["ACV"].strip("$").replace(",", "")) for r in rows)
    total = ["Total", None, None, None, None, f"${total_acv:,}"]
    ws.append([])
    ws.append(total)
    ws.cell(ws.max_row, 1).font = Font(bold=True)
    _save(wb, path)
    return rows


# ---------------------------------------------------------------------------
# b. 中文 TO B 工业设备（seed 000 设备行业模板）
# ---------------------------------------------------------------------------

EQUIP_HEADER = [
    "客户名称",
    "注册资金",
    "人员规模",
    "联系人身份",
    "客户行业",
    "设备使用寿命",
    "目前设备厂商",
    "关注产品",
    "需求量",
    "交付日期",
    "合同金额",
    "毛利率",
    "销售周期(天)",
    "获客成本",
    "转介绍数",
    "售后工单数",
    "签约状态",
    "省份",
    "获客渠道",
    "备注",
]
_ZH_CITY = [
    "东莞", "佛山", "苏州", "无锡", "宁波", "温州", "青岛", "潍坊", "泉州", "常州", "台州",
    "中山", "临沂", "嘉兴", "绍兴", "沧州", "廊坊", "厦门", "烟台", "昆山",
]  # fmt: skip
_ZH_WORD = [
    "恒通", "鑫达", "华盛", "永兴", "金鼎", "宏远", "精工", "瑞丰", "联创", "博达", "众诚", "德信",
    "天成", "锦程", "盛世", "万和", "新锐", "立方", "顺昌", "佳美", "远航", "嘉禾", "力拓", "中联",
]  # fmt: skip
_ZH_KIND = {
    "生产型": ["机械制造", "精密五金", "模具", "电子科技", "塑胶制品", "汽配"],
    "贸易型": ["贸易", "商贸", "进出口", "机电设备销售"],
    "生产+贸易": ["实业", "工贸", "机电"],
    "电商": ["电子商务", "网络科技", "供应链"],
}
EQUIP_INDUSTRY = list(_ZH_KIND)
EQUIP_SIZE = ["10人以下", "10-20人", "20-30人", "30-50人", "50-100人", "100人以上"]
EQUIP_TITLE = ["企业法人", "股东", "高管", "助理", "采购相关", "技术工程师"]
EQUIP_LIFE = ["一年内到期", "半年内到期", "一年到两年到期"]
EQUIP_VENDOR = ["施耐德", "德国罗波特", "国厦", "莞盈"]
EQUIP_PRODUCTS = ["机床设备", "机电设备", "矿山设备", "重型机械设备"]
EQUIP_PROVINCE = ["广东", "江苏", "浙江", "山东", "河北", "福建", "上海"]
EQUIP_CHANNEL = ["百度推广", "展会", "阿里巴巴", "抖音", "电话营销", "官网咨询"]
_ZH_NOTES_GOOD = [
    "老板亲自对接，决策快",
    "设备即将到期，采购需求明确",
    "企业自用，要求年底前交付",
    "对国厦设备的故障率不满意",
    "预算充足，希望一次配齐",
]
_ZH_NOTES_ANY = [
    "比较关注价格",
    "需要先做方案再报价",
    "要求提供样机试用",
    "项目型需求，周期较长",
    "代理商询价",
    "对售后响应速度有要求",
    "还在对比几家供应商",
    "年后再联系",
]


def _capital(rng: np.random.Generator, size: str) -> str:
    """注册资金, loosely following company size, written the way CRMs hold it."""
    idx = EQUIP_SIZE.index(size)
    bucket = ["300万以下", "300-500万", "500-1000万", "1000万以上"][
        int(np.clip(idx // 2 + rng.integers(-1, 2), 0, 3))
    ]
    if rng.random() < 0.3:  # an exact figure instead of a bucket
        lo = {"300万以下": 50, "300-500万": 300, "500-1000万": 500, "1000万以上": 1000}[bucket]
        return f"{int(lo + rng.integers(0, 6) * 50)}万"
    return bucket


def _zh_money(rng: np.random.Generator, yuan: float) -> str:
    style = rng.random()
    if style < 0.45:
        return f"{yuan / 10000:.1f}万"
    if style < 0.85:
        return f"{int(round(yuan, -2)):,}"
    return f"{yuan / 10000:.2f}万元"


def _zh_date(rng: np.random.Generator, d: dt.date) -> object:
    style = rng.random()
    if style < 0.4:
        return dt.datetime(d.year, d.month, d.day)  # a real date cell
    if style < 0.7:
        return d.isoformat()
    if style < 0.85:
        return f"{d.year}/{d.month}/{d.day}"
    return f"{d.year}年{d.month}月{d.day}日"


def equipment_rows(n: int = 260, seed: int = 22) -> list[dict]:
    rng = np.random.default_rng(seed)
    rows: list[dict] = []
    used: set[str] = set()
    for _ in range(n):
        ideal = rng.random() < 0.2
        industry = _planted(rng, ideal, "生产型", [i for i in EQUIP_INDUSTRY if i != "生产型"])
        while True:
            city, word = _pick(rng, _ZH_CITY), _pick(rng, _ZH_WORD)
            name = f"{city}市{word}{_pick(rng, _ZH_KIND[industry])}有限公司"
            if name not in used:
                used.add(name)
                break
        size = _planted(rng, ideal, "50-100人", [s for s in EQUIP_SIZE if s != "50-100人"])
        signed = rng.random() < (0.75 if ideal else 0.35)
        qty = int(max(1, rng.poisson(8 if ideal else 3)))
        amount = qty * rng.uniform(9000, 16000) * (1.3 if ideal else 1.0)
        cycle = int(max(5, rng.normal(22 if ideal else 55, 8 if ideal else 20)))
        start = dt.date(2023, 3, 1) + dt.timedelta(days=int(rng.integers(0, 540)))
        delivery = start + dt.timedelta(days=cycle + int(rng.integers(20, 90)))
        products = rng.choice(EQUIP_PRODUCTS, size=int(rng.integers(1, 3)), replace=False)
        notes = _pick(rng, _ZH_NOTES_GOOD if ideal and rng.random() < 0.7 else _ZH_NOTES_ANY)
        margin = float(np.clip(rng.normal(34 if ideal else 24, 5), 8, 50))
        cac = rng.uniform(800, 3000) * (0.7 if ideal else 1.0)
        rows.append(
            {
                "客户名称": name,
                "注册资金": _capital(rng, size),
                "人员规模": size,
                "联系人身份": _planted(rng, ideal, "企业法人", EQUIP_TITLE[1:]),
                "客户行业": industry,
                "设备使用寿命": _pick(rng, EQUIP_LIFE),
                "目前设备厂商": _planted(rng, ideal, "国厦", ["施耐德", "德国罗波特", "莞盈"]),
                "关注产品": "、".join(str(p) for p in products),
                "需求量": qty,
                "交付日期": _zh_date(rng, delivery),
                "合同金额": _zh_money(rng, amount),
                "毛利率": f"{margin:.0f}%" if rng.random() < 0.7 else round(margin / 100, 2),
                "销售周期(天)": cycle,
                "获客成本": f"{int(round(cac, -1)):,}",
                "转介绍数": int(rng.poisson(2.2 if ideal else 0.3)) if signed else 0,
                "售后工单数": int(rng.poisson(1 if ideal else 4)) if signed else "-",
                "签约状态": "已签约" if signed else "未签约",
                "省份": _pick(rng, EQUIP_PROVINCE),
                "获客渠道": _pick(rng, EQUIP_CHANNEL),
                "备注": notes if rng.random() < 0.9 else "无",
                "_ideal": ideal,
            }
        )
    return rows


def write_equipment(path: Path) -> list[dict]:
    rows = equipment_rows()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "客户画像"
    ws.append(EQUIP_HEADER)
    for c in ws[1]:
        c.font = Font(bold=True)
    for r in rows:
        ws.append([r[h] for h in EQUIP_HEADER])
    j = EQUIP_HEADER.index("交付日期") + 1
    for row in ws.iter_rows(min_row=2, min_col=j, max_col=j):
        if isinstance(row[0].value, dt.datetime):
            row[0].number_format = "yyyy-mm-dd"
    _save(wb, path)
    return rows


# ---------------------------------------------------------------------------
# c. 中文 TO C 出国留学（seed 000 留学模板）, CSV UTF-8 with BOM
# ---------------------------------------------------------------------------

STUDY_HEADER = [
    "学员姓名",
    "学员年龄",
    "学员学历",
    "雅思成绩",
    "托福成绩",
    "期望国家",
    "期望学校",
    "语言程度",
    "家庭年收入",
    "父母职业",
    "是否有签证",
    "出国日期",
    "首付款",
    "合同金额",
    "咨询周期(天)",
    "转介绍数",
    "获客渠道",
    "签约状态",
    "备注",
]
_SURNAME = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘")
_GIVEN = list("子涵欣怡梓轩浩然宇轩雨桐思远嘉怡俊杰一诺佳琪文博晨曦若汐明哲诗雨天佑可馨")
STUDY_EDU = ["中学", "普通本科", "985或211本科", "研究生", "博士或更高"]
STUDY_COUNTRIES = ["美国", "英国", "加拿大", "澳大利亚", "新西兰", "日本", "德国", "法国"]
STUDY_SCHOOLS = [
    "纽约大学", "南加州大学", "圣路易斯大学", "伦敦大学学院", "曼彻斯特大学", "多伦多大学",
    "墨尔本大学", "奥克兰大学", "惠灵顿维多利亚大学", "东京大学", "慕尼黑工业大学",
    "巴黎萨克雷大学",
]  # fmt: skip
STUDY_INCOME = ["2-50万", "50-100万", "100-200万", "200万以上"]
STUDY_JOBS = ["蓝领", "白领", "自己做生意", "企业家", "公务员", "教师"]
STUDY_DOWN = ["0元", "5万以内", "5-10万", "10-20万"]
STUDY_CHANNEL = ["小红书", "知乎", "朋友推荐", "留学展会", "百度", "抖音"]
_STUDY_NOTES_GOOD = [
    "目标明确，想读新西兰的硕士",
    "家长很配合，材料准备快",
    "还没办签证，需要全程指导",
    "成绩不错，想冲名校",
]
_STUDY_NOTES_ANY = [
    "先了解一下流程",
    "在对比几家机构的价格",
    "担心费用太高",
    "语言成绩还没出",
    "家长还在犹豫",
    "想明年再申请",
    "需要奖学金信息",
]


def study_rows(n: int = 220, seed: int = 33) -> list[dict]:
    rng = np.random.default_rng(seed)
    rows: list[dict] = []
    for _ in range(n):
        ideal = rng.random() < 0.2
        edu = _planted(rng, ideal, "985或211本科", [e for e in STUDY_EDU if e != "985或211本科"])
        age = {"中学": 17, "普通本科": 21, "985或211本科": 22, "研究生": 25, "博士或更高": 28}[edu]
        age += int(rng.integers(0, 4))
        skill = float(np.clip(rng.normal(0.6 if ideal else 0.45, 0.18), 0, 1))
        ielts = round(round((5.0 + skill * 3) * 2) / 2, 1)
        toefl = round(70 + skill * 45)
        level = ["低等", "中等", "中等偏高", "高等"][min(3, int(skill * 4))]
        countries = list(rng.choice(STUDY_COUNTRIES, size=int(rng.integers(1, 3)), replace=False))
        if ideal and "新西兰" not in countries and rng.random() < 0.75:
            countries[0] = "新西兰"
        signed = rng.random() < (0.75 if ideal else 0.3)
        cycle = int(max(3, rng.normal(18 if ideal else 50, 6 if ideal else 20)))
        amount = rng.uniform(40000, 90000) * (1.35 if ideal else 1.0)
        went = dt.date(2025, 1, 1) + dt.timedelta(days=int(rng.integers(0, 600)))
        has_ielts = rng.random() < 0.7
        rows.append(
            {
                "学员姓名": _pick(rng, _SURNAME)
                + "".join(rng.choice(_GIVEN, size=int(rng.integers(1, 3)))),
                "学员年龄": age,
                "学员学历": edu,
                "雅思成绩": ielts if has_ielts else "-",
                "托福成绩": toefl if not has_ielts or rng.random() < 0.3 else "",
                "期望国家": "、".join(dict.fromkeys(str(c) for c in countries)),
                "期望学校": _pick(rng, STUDY_SCHOOLS),
                "语言程度": level,
                "家庭年收入": _planted(
                    rng, ideal, "100-200万", [i for i in STUDY_INCOME if i != "100-200万"]
                ),
                "父母职业": _pick(rng, STUDY_JOBS),
                "是否有签证": "否" if rng.random() < (0.85 if ideal else 0.4) else "是",
                "出国日期": went.isoformat()
                if rng.random() < 0.8
                else f"{went.year}/{went.month}/{went.day}",
                "首付款": _pick(rng, STUDY_DOWN),
                "合同金额": f"{amount / 10000:.1f}万" if signed else "-",
                "咨询周期(天)": cycle,
                "转介绍数": int(rng.poisson(1.8 if ideal else 0.3)) if signed else 0,
                "获客渠道": _pick(rng, STUDY_CHANNEL),
                "签约状态": "已签约" if signed else "未签约",
                "备注": _pick(
                    rng, _STUDY_NOTES_GOOD if ideal and rng.random() < 0.7 else _STUDY_NOTES_ANY
                ),
                "_ideal": ideal,
            }
        )
    return rows


def write_study(path: Path) -> list[dict]:
    rows = study_rows()
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(STUDY_HEADER)
        for r in rows:
            w.writerow([r[h] for h in STUDY_HEADER])
    return rows


def main() -> None:
    write_saas(HERE / "saas_customers_en.xlsx")
    write_equipment(HERE / "equipment_customers_zh.xlsx")
    write_study(HERE / "study_abroad_zh.csv")


if __name__ == "__main__":
    main()
