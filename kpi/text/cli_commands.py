"""What each `kpi` command does, as its help says: cli.cmd.<command path, `_` between>.

Typer reads them at import, in Vietnamese; kpi.cli.typer_words shows the English side
when the command runs with `--lang en`.
"""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "cli.cmd.serve": (
        "Chạy bảng điều khiển (dashboard) Streamlit.",
        "Run the Streamlit dashboard.",
    ),
    "cli.cmd.demo": (
        "Nạp dữ liệu minh họa (hoặc xóa chúng với --clear).",
        "Load the demo data (or remove it with --clear).",
    ),
    "cli.cmd.catalogue": (
        "In danh mục 16 chỉ tiêu của Phụ lục I.",
        "Print the catalogue of the 16 indicators of Annex I.",
    ),
    "cli.cmd.export": (
        "Xuất số liệu hiện hành (bản sửa mới nhất).",
        "Export the current figures (the latest revision of each).",
    ),
    "cli.cmd.template": (
        "Tạo mẫu báo cáo số liệu cho cán bộ đầu mối.",
        "Make the figures template for a unit's reporting officer.",
    ),
    "cli.cmd.load": (
        "Kiểm tra và nạp số liệu quý: ghi toàn bộ tệp hoặc không ghi gì.",
        "Check and load a quarter's figures: the whole file is written, or nothing.",
    ),
    "cli.cmd.status": (
        "Tiến độ các chỉ tiêu đến năm 2030 (mặc định: toàn Bộ).",
        "Progress of the indicators toward 2030 (default: the whole Ministry).",
    ),
    "cli.cmd.report": (
        "Lập báo cáo 6 tháng hoặc cả năm (XLSX, PDF) theo mục III.2 của Kế hoạch; "
        "in đường dẫn tệp.",
        "Make the half-year or year-end report (XLSX, PDF) of section III.2 of the Plan; "
        "prints the paths written.",
    ),
    "cli.cmd.notify": (
        "Gửi cảnh báo tới KPI_WEBHOOK_URL: trạng thái xấu đi, số liệu toàn Bộ thay đổi, quá hạn.",
        "Send alerts to KPI_WEBHOOK_URL: worse statuses, changed Ministry figures, overdue items.",
    ),
    "cli.cmd.publish": (
        "Xuất gói dữ liệu mở (Frictionless Data Package): danh mục, số liệu, trạng thái.",
        "Write the open-data package (Frictionless Data Package): catalogue, figures, statuses.",
    ),
    "cli.cmd.submissions": (
        "Tình hình nộp theo nghĩa vụ và quý: đúng hạn, muộn, chưa nộp, chưa đến hạn.",
        "Submissions by obligation and quarter: on time, late, missing, not yet due.",
    ),
    "cli.cmd.approve": (
        "Thủ trưởng đơn vị phê duyệt số liệu một quý của đơn vị (số liệu được khóa).",
        "The unit head signs off the unit's figures of a quarter (the figures are locked).",
    ),
    "cli.cmd.unapprove": (
        "Hủy phê duyệt: số liệu của quý được mở lại để sửa (ghi nhật ký).",
        "Withdraw a sign-off: the quarter's figures are open to correction again (logged).",
    ),
    "cli.cmd.remind": (
        "Gửi thư nhắc hạn nộp, chờ phê duyệt và tổng hợp tuần (mỗi thư một lần mỗi ngày).",
        "Send the deadline, pending sign-off and weekly digest reminders (each once a day).",
    ),
    "cli.cmd.doctor": (
        "In mọi thiết lập, nguồn của nó và từng kiểm tra an toàn (trước khi vận hành).",
        "Print every setting, where it came from, and each safety check (before going live).",
    ),
    "cli.cmd.db_upgrade": (
        "Tạo hoặc nâng cấp CSDL lên phiên bản mới nhất, nạp danh mục và cây đơn vị.",
        "Create or upgrade the database to the latest version; load the catalogue and units.",
    ),
    "cli.cmd.units_import": (
        "Thêm hoặc cập nhật đơn vị báo cáo từ tệp CSV.",
        "Add or update reporting units from a CSV file.",
    ),
    "cli.cmd.uploads_list": (
        "Mọi lần nộp (kể cả lần bị từ chối): kết quả và số lỗi.",
        "Every upload (rejected ones too): the outcome and the number of problems.",
    ),
    "cli.cmd.uploads_get": (
        "Tải về đúng tệp đã nộp ở một lần nộp.",
        "Download the very file sent in one upload.",
    ),
    "cli.cmd.users_add": ("Thêm hoặc cập nhật người dùng.", "Add or update a user."),
    "cli.cmd.users_remove": ("Xóa người dùng.", "Remove a user."),
    "cli.cmd.users_list": (
        "Liệt kê người dùng, vai trò và đơn vị.",
        "List the users, their roles and units.",
    ),
    "cli.cmd.tasks_list": (
        "Các nhiệm vụ và cơ sở dữ liệu: trạng thái, tỷ lệ, quá hạn (quá hạn trước).",
        "The tasks and databases: state, percent done, overdue (overdue first).",
    ),
    "cli.cmd.tasks_update": (
        "Báo cáo tiến độ một nhiệm vụ (cán bộ của đơn vị chủ trì); không sửa báo cáo cũ.",
        "Report progress on one task (an officer of the lead unit); earlier reports are kept.",
    ),
    "cli.cmd.tasks_template": (
        "Mẫu báo cáo tiến độ: một dòng mỗi nhiệm vụ, điền sẵn trạng thái hiện tại.",
        "The progress template: one row per task, the current state filled in.",
    ),
    "cli.cmd.tasks_load": (
        "Nạp báo cáo tiến độ từ mẫu: ghi toàn bộ tệp hoặc không ghi gì.",
        "Load progress reports from the template: the whole file is written, or nothing.",
    ),
    "cli.cmd.tasks_import": (
        "Thêm nhiệm vụ (ví dụ của Quyết định 86/QĐ-BNV); chỉ quản trị.",
        "Add tasks (e.g. those of Decision 86/QĐ-BNV); administrators only.",
    ),
    "cli.cmd.tasks_approve": (
        "Thủ trưởng đơn vị duyệt báo cáo tiến độ nhiệm vụ 6 tháng của đơn vị (khóa kỳ).",
        "The unit head signs off the unit's half-year task reports (the half-year is locked).",
    ),
    "cli.cmd.tasks_unapprove": (
        "Hủy duyệt: đơn vị được báo cáo tiến độ trong kỳ 6 tháng đó trở lại (ghi nhật ký).",
        "Withdraw a sign-off: the unit may report progress in that half-year again (logged).",
    ),
    "cli.cmd.scorecard_publish": (
        "Công bố bảng điểm: cố định, không đổi; sửa sau là một phiên bản mới.",
        "Publish the scorecard: frozen as it is; a later correction is a new version.",
    ),
    "cli.cmd.tokens_add": (
        "Tạo token cho API đọc; mã bí mật chỉ hiện một lần.",
        "Make a token for the read API; its secret is shown once only.",
    ),
    "cli.cmd.tokens_list": (
        "Liệt kê token (không bao giờ hiện mã bí mật).",
        "List the tokens (never their secrets).",
    ),
    "cli.cmd.tokens_revoke": (
        "Thu hồi token: các lời gọi sau đó bị từ chối (401).",
        "Revoke a token: later calls with it are refused (401).",
    ),
    "cli.cmd.obligations_import": (
        "Nhập nghĩa vụ báo cáo (đơn vị nào báo cáo chỉ tiêu nào, từ quý nào, đến quý nào).",
        "Import reporting obligations (which unit reports which indicator, from and to which "
        "quarter).",
    ),
    "cli.cmd.obligations_list": (
        "Liệt kê nghĩa vụ báo cáo đang có hiệu lực.",
        "List the reporting obligations in force.",
    ),
    "cli.cmd.locks_open": (
        "Mở ngoại lệ: cán bộ của đơn vị được nộp số liệu quý đã khóa đến một ngày.",
        "Open an exception: the unit's officers may submit a locked quarter until a given day.",
    ),
    "cli.cmd.locks_list": ("Liệt kê các ngoại lệ mở khóa.", "List the lock exceptions."),
    "cli.help.tasks_template.lang": (
        "Ngôn ngữ của mẫu: vi (mặc định) hoặc en; tệp điền xong nạp lại được ở cả hai.",
        "The template's language: vi (default) or en; either reads back when filled in.",
    ),
    # Options the commands share that had no description.
    "cli.help.common.format": ("Dạng kết quả in ra.", "Output format."),
    "cli.help.common.lang": ("Ngôn ngữ: vi (mặc định) hoặc en.", "Language: vi (default) or en."),
}
