"""Words of the tables people read on the data and administration pages: the audit log
(actions, outcomes, the detail of each entry), the uploads, users, locks and sign-offs,
and Streamlit's own widget texts said in the page's language."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    # ---- column headers ------------------------------------------------------------------
    "tbl.when": ("Thời điểm (giờ Việt Nam)", "When (Vietnam time)"),
    "tbl.who": ("Người thực hiện", "By"),
    "tbl.uploaded_by": ("Người nộp", "Uploaded by"),
    "tbl.indicator": ("Chỉ tiêu", "Indicator"),
    "tbl.unit": ("Đơn vị", "Unit"),
    "tbl.quarter": ("Quý", "Quarter"),
    "tbl.change": ("Giá trị: trước → sau", "Value: before → after"),  # as the indicator page
    "tbl.revision": ("Lần sửa", "Revision"),
    "tbl.note": ("Ghi chú", "Note"),
    "tbl.file": ("Tệp", "File"),
    "tbl.action": ("Hành động", "Action"),
    "tbl.outcome": ("Kết quả", "Outcome"),
    "tbl.detail": ("Chi tiết", "Detail"),
    "tbl.problems": ("Số lỗi", "Problems"),
    "tbl.rows": ("Số dòng", "Rows"),
    "tbl.rows_new": ("Mới", "New"),
    "tbl.rows_changed": ("Thay đổi", "Changed"),
    "tbl.rows_unchanged": ("Không đổi", "Unchanged"),
    "tbl.size": ("Dung lượng", "Size"),
    "tbl.email": ("E-mail", "E-mail"),
    "tbl.role": ("Vai trò", "Role"),
    "tbl.units": ("Đơn vị được giao", "Units"),
    "tbl.created": ("Ngày tạo (giờ Việt Nam)", "Created (Vietnam time)"),
    "tbl.until": ("Mở đến ngày", "Open until"),
    "tbl.reason": ("Lý do", "Reason"),
    "tbl.opened_by": ("Người mở", "Opened by"),
    "tbl.opened_at": ("Thời điểm mở (giờ Việt Nam)", "Opened (Vietnam time)"),
    "tbl.approved_by": ("Người duyệt", "Approved by"),
    "tbl.approved_at": ("Thời điểm duyệt (giờ Việt Nam)", "Approved (Vietnam time)"),
    "tbl.new_value": ("mới", "new"),
    "tbl.unchanged_value": ("{value} (không đổi)", "{value} (unchanged)"),
    "tbl.kb": ("{n} KB", "{n} KB"),
    "tbl.newest_rows": (
        "Bảng hiện {shown} dòng mới nhất trong {total} dòng; tệp CSV có đủ {total} dòng.",
        "The table shows the newest {shown} of {total} {total|row|rows}; the CSV has all {total}.",
    ),
    # ---- the audit page ------------------------------------------------------------------
    "audit.person": ("Người thực hiện", "Person"),
    "audit.kind": ("Loại hành động", "Type of action"),
    "audit.refused_only": ("Chỉ lần bị từ chối", "Refused attempts only"),
    "audit.shown": (
        "Danh sách chỉ gồm {shown} dòng mới nhất khớp bộ lọc; chọn thêm bộ lọc để xem các dòng "
        "cũ hơn.",
        "The list holds only the latest {shown} matching {shown|row|rows}; narrow the filters "
        "to see older ones.",
    ),
    "audit.no_rows": ("Không có dòng nào khớp bộ lọc.", "No rows match the filters."),
    "audit.changes_filtered": (
        "Bộ lọc đang chọn không gồm số liệu đã ghi (chỉ lần nộp được chấp nhận mới ghi số liệu).",
        "The filters chosen exclude written figures (only accepted uploads write figures).",
    ),
    "audit.uploads_filtered": (
        "Bộ lọc loại hành động đang chọn không gồm các lần nộp tệp.",
        "The type of action chosen excludes file uploads.",
    ),
    "audit.attempt": (
        "#{id} · {file} · {outcome} · {who} · {when}",
        "#{id} · {file} · {outcome} · {who} · {when}",
    ),
    # ---- kinds of action (filter) --------------------------------------------------------
    "audit.kind.upload": ("Nộp số liệu", "Figure uploads"),
    "audit.kind.approval": ("Phê duyệt", "Sign-offs"),
    "audit.kind.lock": ("Khóa số liệu", "Locks"),
    "audit.kind.users": ("Người dùng và quyền truy cập", "Users and access"),
    "audit.kind.tasks": ("Nhiệm vụ", "Tasks"),
    "audit.kind.system": ("Hệ thống", "System"),
    # ---- actions -------------------------------------------------------------------------
    "action.upload.commit": ("Ghi số liệu", "Figures written"),
    "action.upload.refused": ("Từ chối tệp số liệu", "Upload refused"),
    "action.upload.lock_override": ("Ghi vào quý đã khóa", "Locked quarter overridden"),
    "action.lock.open": ("Mở khóa quý", "Quarter reopened"),
    "action.approval.approve": ("Phê duyệt số liệu", "Figures signed off"),
    "action.approval.unapprove": ("Rút phê duyệt số liệu", "Sign-off withdrawn"),
    "action.users.add": ("Thêm hoặc cập nhật người dùng", "User added or updated"),
    "action.users.remove": ("Xóa người dùng", "User removed"),
    "action.api.token.add": ("Cấp khóa API", "API key issued"),
    "action.api.token.revoke": ("Thu hồi khóa API", "API key revoked"),
    "action.task_report": ("Báo cáo tiến độ nhiệm vụ", "Task progress reported"),
    "action.task_reports_load": ("Nạp tệp tiến độ nhiệm vụ", "Task progress file loaded"),
    "action.tasks_import": ("Nạp danh mục nhiệm vụ", "Task list imported"),
    "action.tasks.approve": ("Phê duyệt tiến độ nhiệm vụ", "Task progress signed off"),
    "action.tasks.unapprove": ("Rút phê duyệt tiến độ nhiệm vụ", "Task sign-off withdrawn"),
    "action.scorecard_publish": ("Công bố bảng điểm", "Scorecard published"),
    "action.catalogue.sync": ("Cập nhật danh mục chỉ tiêu", "Indicator catalogue updated"),
    "action.units.import": ("Nạp danh sách đơn vị", "Units imported"),
    "action.demo.clear": ("Xóa dữ liệu minh họa", "Demo data removed"),
    "action.obligations.import": ("Nạp nghĩa vụ báo cáo", "Obligations imported"),
    "action.other": ("Hành động khác ({code})", "Other action ({code})"),
    # ---- outcomes ------------------------------------------------------------------------
    "outcome.ok": ("Thành công", "Done"),
    "outcome.refused": ("Bị từ chối", "Refused"),
    "outcome.failed": ("Thất bại", "Failed"),
    "outcome.committed": ("Đã ghi", "Written"),
    "outcome.duplicate": ("Trùng lần nộp trước", "Same as an earlier upload"),
    "outcome.unreadable": ("Không đọc được tệp", "File unreadable"),
    "outcome.refused_scope": ("Bị từ chối: ngoài phạm vi", "Refused: outside scope"),
    "outcome.refused_locked": ("Bị từ chối: quý đã khóa", "Refused: quarter locked"),
    "outcome.other": ("Khác ({code})", "Other ({code})"),
    # ---- the detail of each action, as a sentence ----------------------------------------
    "detail.commit": (
        "tệp {file}: {new} mới, {changed} thay đổi, {unchanged} không đổi",
        "file {file}: {new} new, {changed} changed, {unchanged} unchanged",
    ),
    "detail.note": ("ghi chú: {note}", "note: {note}"),
    "detail.demo_note": ("Dữ liệu minh họa", "Demo data"),
    "detail.outliers": (
        "{n} giá trị bất thường đã xác nhận",
        "{n} unusual {n|value|values} confirmed",
    ),
    "detail.reimported": (
        "nộp lại nội dung của lần nộp #{id}",
        "same content as upload #{id}, written again",
    ),
    "detail.refused_scope": (
        "tệp {file}: có dòng của đơn vị ngoài phạm vi ({units})",
        "file {file}: rows for units outside scope ({units})",
    ),
    "detail.refused_locked": (
        "tệp {file}: quý đã khóa ({quarters})",
        "file {file}: locked quarters ({quarters})",
    ),
    "detail.refused_file": ("tệp {file}", "file {file}"),
    "detail.quarter_of_unit": ("{quarter} của {unit}", "{quarter} of {unit}"),
    "detail.lock_override": ("quý đã khóa: {quarters}", "locked quarters: {quarters}"),
    "detail.lock_open": (
        "{quarter}, mở đến {until}: {reason}",
        "{quarter}, open until {until}: {reason}",
    ),
    "detail.approve": ("{quarter}: {n} số liệu", "{quarter}: {n} {n|figure|figures}"),
    "detail.unapprove": (
        "{quarter} (đã duyệt bởi {by} lúc {at}): {reason}",
        "{quarter} (signed off by {by} at {at}): {reason}",
    ),
    "detail.user_add": ("{email}: {role}", "{email}: {role}"),
    "detail.user_before": ("trước đó: {role}", "before: {role}"),
    "detail.user_units": ("đơn vị: {units}", "units: {units}"),
    "detail.user_remove": ("{email} ({role})", "{email} ({role})"),
    "detail.token_add": ("khóa {name}, phạm vi {scope}", "key {name}, scope {scope}"),
    "detail.token_revoke": ("khóa {name}", "key {name}"),
    "detail.task_report": (
        "nhiệm vụ {task}: {state}, {percent}, ngày {day}",
        "task {task}: {state}, {percent}, on {day}",
    ),
    "detail.task_file": ("tệp {file}: {n} dòng", "file {file}: {n} {n|row|rows}"),
    "audit.actor.system": ("Hệ thống", "System"),
    "audit.source.plan": ("kế hoạch", "the plan"),
    "audit.source.import": ("tệp nhập", "an imported file"),
    "detail.tasks_import": (
        "{added} thêm, {updated} cập nhật (nguồn: {source})",
        "{added} added, {updated} updated (source: {source})",
    ),
    "detail.task_approve": ("{half}: {n} báo cáo", "{half}: {n} {n|report|reports}"),
    "detail.task_unapprove": (
        "{half} (đã duyệt bởi {by}): {reason}",
        "{half} (signed off by {by}): {reason}",
    ),
    "detail.scorecard": (
        "{half}, phiên bản {version}: {n} đơn vị",
        "{half}, version {version}: {n} {n|unit|units}",
    ),
    "detail.catalogue": ("{n} chỉ tiêu thay đổi", "{n} {n|indicator|indicators} changed"),
    "detail.units": ("{added} thêm, {updated} cập nhật", "{added} added, {updated} updated"),
    "detail.demo_clear": ("{n} số liệu minh họa đã xóa", "{n} demo {n|figure|figures} removed"),
    "detail.obligations": (
        "{n} nghĩa vụ; đơn vị: {units}",
        "{n} {n|obligation|obligations}; units: {units}",
    ),
    "appr_none_signed": ("Chưa có quý nào được phê duyệt.", "No quarter is signed off yet."),
    # ---- the submissions page -----------------------------------------------------------
    "subm_owed_from": (
        "Báo cáo phải nộp tính từ {quarter}, quý đầu tiên đơn vị có nghĩa vụ báo cáo (mốc cơ sở "
        "của chương trình); các quý trước đó không tính là chưa nộp.",
        "Reports are owed from {quarter}, the first quarter of the reporting obligation (the "
        "programme baseline); earlier quarters are not counted as missing.",
    ),
    "subm.summary": ("Tóm tắt tình hình nộp báo cáo", "Report submissions at a glance"),
    "subm.owed_title": ("Báo cáo còn phải nộp: {n}", "Reports still owed: {n}"),
    "subm.none_owed": (
        "Không còn báo cáo nào phải nộp trong các quý đang xem.",
        "No report is owed in the quarters shown.",
    ),
    "subm.owed_more": (
        "Còn {n} báo cáo nữa trong bảng “Báo cáo còn phải nộp” ở cuối trang.",
        "{n} more in the table “Reports still owed” at the end of the page.",
    ),
    "subm.due": ("hạn nộp {day}", "due {day}"),
    "subm.col_state": ("Tình trạng", "State"),
    "subm.col_deadline": ("Hạn nộp", "Deadline"),
    "subm.owed_alt": (
        "Bảng {n} báo cáo còn phải nộp: tình trạng, đơn vị, chỉ tiêu, quý, hạn nộp",
        "Table of {n} {n|report|reports} still owed: state, unit, indicator, quarter, deadline",
    ),
    # ---- Streamlit's own widget texts ----------------------------------------------------
    "widget.choose": ("Chọn…", "Choose…"),
    "widget.refused": (
        "Không nhận tệp này: chỉ nhận {types}, tối đa {mb} MB",
        "File not accepted: {types} only, up to {mb} MB",
    ),
}
