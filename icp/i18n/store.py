"""Strings for workspaces: the store's messages and the Workspace page's labels."""

STRINGS: dict[str, tuple[str, str]] = {
    # errors (InputError keys raised by icp.store)
    "store.no_workspace": (
        "Workspace “{id}” was not found — it may have been deleted. "
        "Open another workspace or create a new one.",
        "找不到工作区“{id}”，它可能已被删除。请打开其他工作区，或新建一个。",
    ),
    "store.no_version": (
        "Version {id} was not found in this workspace. "
        "Refresh the list of versions and pick another.",
        "此工作区中找不到版本 {id}。请刷新版本列表后重新选择。",
    ),
    "store.bad_name": (
        "Give the workspace a name of 1 to {max} characters.",
        "请为工作区输入 1 到 {max} 个字符的名称。",
    ),
    "store.bad_import": (
        "Import failed: this file is not an ICP Workbench workspace export, or it is damaged "
        "or larger than {limit} MB. Nothing was imported. Choose a .zip (or an older .json) "
        "file made with “Export workspace”.",
        "导入失败：此文件不是 ICP 工作台导出的工作区文件，或文件已损坏，或超过 {limit} MB。"
        "未导入任何内容。请选择通过“导出工作区”生成的 .zip（或较早的 .json）文件。",
    ),
    # automatic version label
    "store.before_restore": ("Before restore", "恢复前自动保存"),
    # Workspace page labels
    "store.workspace": ("Workspace", "工作区"),
    "store.workspaces": ("Workspaces", "工作区列表"),
    "store.new": ("New workspace", "新建工作区"),
    "store.name": ("Workspace name", "工作区名称"),
    "store.default_name": ("My customers", "我的客户"),
    "store.open": ("Open", "打开"),
    "store.rename": ("Rename", "重命名"),
    "store.delete": ("Delete", "删除"),
    "store.delete_confirm": (
        "Delete “{name}” with all its answers and versions? This cannot be undone.",
        "确定删除“{name}”及其所有回答和版本吗？此操作无法撤销。",
    ),
    "store.deleted": ("Workspace “{name}” deleted.", "已删除工作区“{name}”。"),
    "store.created_at": ("Created", "创建时间"),
    "store.updated_at": ("Last changed", "最近修改"),
    "store.none": (
        "No workspaces yet. Create one, or load a sample data set to try it out.",
        "还没有工作区。新建一个，或载入示例数据先试一试。",
    ),
    "store.saved": ("All changes saved", "所有修改已自动保存"),
    "store.snapshot": ("Snapshot", "保存快照"),
    "store.snapshot_label": ("Snapshot name", "快照名称"),
    "store.snapshot_done": ("Snapshot “{label}” saved.", "已保存快照“{label}”。"),
    "store.versions": ("Versions", "版本"),
    "store.no_versions": (
        "No versions yet. Take a snapshot to keep the current state.",
        "还没有版本。保存一个快照即可留存当前状态。",
    ),
    "store.restore": ("Restore", "恢复"),
    "store.restored": (
        "Version restored. The state just before it was saved as “Before restore”, "
        "so you can undo this.",
        "已恢复该版本。恢复前的状态已自动保存为“恢复前自动保存”，可随时撤销。",
    ),
    "store.export": ("Export workspace", "导出工作区"),
    "store.export_help": (
        "One .zip file with the uploaded data, every answer and all versions; it imports "
        "again here or with `python -m icp workspace import`.",
        "一个 .zip 文件，包含上传的数据、所有回答和全部版本；可在此处或用 "
        "`python -m icp workspace import` 重新导入。",
    ),
    "store.import": ("Import workspace", "导入工作区"),
    "store.imported": ("Workspace “{name}” imported.", "已导入工作区“{name}”。"),
}
