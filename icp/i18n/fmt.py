"""Words the number formats need (icp.fmt)."""

STRINGS: dict[str, tuple[str, str]] = {
    "fmt.or_more": ("{value} or more", "{value} 及以上"),
}
