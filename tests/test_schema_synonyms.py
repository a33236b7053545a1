"""Common Chinese CRM header synonyms of the existing roles (issue 18): 推荐次数 is referrals."""

from __future__ import annotations

import pandas as pd
import pytest

from icp.schema import Role, detect_mapping


@pytest.mark.parametrize(
    ("header", "values", "role"),
    [
        ("推荐次数", ["0", "2", "1", "3"], Role.REFERRALS),
        ("转介绍次数", ["0", "2", "1", "3"], Role.REFERRALS),
        ("复购次数", ["1", "2", "4", "3"], Role.DEALS),
        ("合同总额", ["12000", "30000", "4500", "8000"], Role.VALUE),
        ("跟进周期", ["12", "30", "45", "9"], Role.CYCLE_DAYS),
        ("联系人职务", ["总经理", "采购经理", "总经理", "技术总监"], Role.CONTACT_TITLE),
        ("竞争对手", ["施耐德", "国厦", "莞盈", "国厦"], Role.PREVIOUS),
        ("获客来源", ["展会", "百度", "展会", "抖音"], Role.CHANNEL),
        ("员工规模", ["50", "120", "30", "800"], Role.EMPLOYEES),
        ("报修次数", ["0", "3", "1", "5"], Role.TICKETS),
        ("单位名称", ["甲公司", "乙公司", "丙公司", "丁公司"], Role.NAME),
        ("获客单价", ["800", "1200", "950", "1500"], Role.CAC),
        ("所在城市", ["上海", "杭州", "上海", "深圳"], Role.REGION),
        ("行业类别", ["贸易型", "生产型", "电商", "生产型"], Role.INDUSTRY),
    ],
)
def test_chinese_header_synonyms(header, values, role):
    df = pd.DataFrame({header: values, "备用": ["a", "b", "c", "d"]})
    assert detect_mapping(df).columns[0].role == role
