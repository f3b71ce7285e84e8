"""Why a domain rule refused something: the messages of the domain's exceptions."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "error.half_year": (
        "kỳ '{text}' phải có dạng 2026-H1 hoặc 2026-H2",
        "period '{text}' must look like 2026-H1 or 2026-H2",
    ),
    "error.task_state": (
        "trạng thái '{state}' không hợp lệ (chọn một: {allowed})",
        "state '{state}' is not valid (one of: {allowed})",
    ),
    "error.task_percent": (
        "tỷ lệ hoàn thành {percent} phải trong khoảng 0–100",
        "percent done {percent} must be within 0-100",
    ),
    "error.done_is_100": ("nhiệm vụ hoàn thành phải có tỷ lệ 100%", "a done task is 100% done"),
    "error.not_started_is_0": (
        "nhiệm vụ chưa triển khai phải có tỷ lệ 0%",
        "a task not started is 0% done",
    ),
    "error.done_needs_evidence": (
        "báo cáo hoàn thành cần minh chứng (số, ngày văn bản hoặc đường dẫn)",
        "a done report needs evidence (document number and date, or a link)",
    ),
    "error.text_too_long": (
        "minh chứng và khó khăn, đề xuất tối đa {limit} ký tự",
        "evidence and difficulties are at most {limit} characters each",
    ),
    "error.report_in_future": (
        "ngày báo cáo {day} ở tương lai",
        "report date {day} is in the future",
    ),
    "error.report_before_plan": (
        "ngày báo cáo {day} trước khi Kế hoạch ban hành",
        "report date {day} is before the plan was issued",
    ),
    "error.catalogue.row": (
        "danh mục, dòng {line}, cột {column}: {why}",
        "catalogue, row {line}, column {column}: {why}",
    ),
    "error.catalogue.no_code": ("thiếu mã chỉ tiêu", "the indicator code is missing"),
    "error.not_a_number": ("'{value}' không phải là số", "'{value}' is not a number"),
    "error.catalogue.target_range": (
        "mục tiêu {target} nằm ngoài 0–100",
        "target {target} is outside 0–100",
    ),
    "error.catalogue.percent_only": (
        "mọi chỉ tiêu của Phụ lục I đều tính bằng %",
        "every indicator of Annex I is a percentage",
    ),
    "error.catalogue.quarters_only": ("chỉ hỗ trợ kỳ quý", "only quarterly periods are supported"),
    "error.empty_field": ("không được để trống", "must not be empty"),
    "error.catalogue.missing_columns": (
        "danh mục thiếu cột: {columns}",
        "the catalogue lacks columns: {columns}",
    ),
    "error.catalogue.duplicates": (
        "danh mục có mã trùng: {codes}",
        "the catalogue repeats codes: {codes}",
    ),
    "error.catalogue.empty": ("danh mục rỗng", "the catalogue is empty"),
    "error.tasks.bad_deadline": (
        "thời gian hoàn thành '{written}' không hợp lệ",
        "completion time '{written}' is not valid",
    ),
    "error.tasks.unreadable_deadline": (
        "thời gian hoàn thành '{written}' không đọc được (ví dụ 5/2025, 2025, 02/9/2025, "
        "2025-2026, Nhiệm vụ thường xuyên)",
        "completion time '{written}' cannot be read (e.g. 5/2025, 2025, 02/9/2025, "
        "2025-2026, Nhiệm vụ thường xuyên)",
    ),
    "error.tasks.row": (
        "danh mục nhiệm vụ, dòng {line}, cột {column}: {why}",
        "task catalogue, row {line}, column {column}: {why}",
    ),
    "error.tasks.bad_code": (
        "mã '{code}' không đúng dạng (ví dụ II.1, III.11, QD86.3)",
        "code '{code}' is malformed (e.g. II.1, III.11, QD86.3)",
    ),
    "error.tasks.bad_kind": ("phải là task hoặc database", "must be task or database"),
    "error.tasks.bad_group": (
        "'{group}' không phải mục I–VIII",
        "'{group}' is not one of sections I–VIII",
    ),
    "error.tasks.missing_columns": (
        "tệp nhiệm vụ thiếu cột: {columns}",
        "the task file lacks columns: {columns}",
    ),
    "error.tasks.no_rows": ("tệp nhiệm vụ không có dòng nào", "the task file has no rows"),
    "error.tasks.duplicates": (
        "tệp nhiệm vụ có mã trùng: {codes}",
        "the task file repeats codes: {codes}",
    ),
    "error.tasks.unknown_units": (
        "nhiệm vụ {code}: không có đơn vị mã {units}",
        "task {code}: no unit with code {units}",
    ),
    "error.units.missing_columns": (
        "tệp đơn vị thiếu cột: {columns}",
        "the unit file lacks columns: {columns}",
    ),
    "error.units.missing_code": (
        "dòng {line}: thiếu mã hoặc tên đơn vị",
        "row {line}: the unit code or name is missing",
    ),
    "error.units.code_too_long": (
        "dòng {line}: mã đơn vị '{code}' dài quá 32 ký tự",
        "row {line}: unit code '{code}' is longer than 32 characters",
    ),
    "error.units.one_root": (
        "cây đơn vị phải có đúng một gốc, đang có {n}",
        "the unit tree needs exactly one root, it has {n}",
    ),
    "error.units.no_parent": (
        "đơn vị {code}: không có đơn vị cấp trên '{parent}'",
        "unit {code}: no parent unit '{parent}'",
    ),
    "error.units.cycle": (
        "đơn vị {code}: cây đơn vị có vòng lặp",
        "unit {code}: the unit tree has a cycle",
    ),
    "error.obligations.cell": (
        "dòng {row}, cột {column}: {why}",
        "row {row}, column {column}: {why}",
    ),
    "error.obligations.missing_columns": ("thiếu cột: {columns}", "missing columns: {columns}"),
    "error.obligations.duplicate": (
        "dòng {row}: trùng đơn vị và chỉ tiêu {pair}",
        "row {row}: unit and indicator {pair} repeated",
    ),
    "error.obligations.no_rows": (
        "tệp không có dòng nghĩa vụ báo cáo nào",
        "the file has no reporting obligation rows",
    ),
    "error.obligations.unknown_unit": (
        "dòng {row}: không có đơn vị '{unit}'",
        "row {row}: no unit '{unit}'",
    ),
    "error.obligations.unknown_indicator": (
        "dòng {row}: không có chỉ tiêu '{code}'",
        "row {row}: no indicator '{code}'",
    ),
    "error.obligations.backwards": (
        "dòng {row}: to_period trước from_period",
        "row {row}: to_period is before from_period",
    ),
    "error.metadata.missing_columns": (
        "siêu dữ liệu thiếu cột: {columns}",
        "the metadata lacks columns: {columns}",
    ),
    "error.metadata.unknown_indicator": (
        "siêu dữ liệu, dòng {line}: không có chỉ tiêu '{code}'",
        "metadata, row {line}: no indicator '{code}'",
    ),
    "error.period.no_quarter": ("quý {q} không tồn tại", "quarter {q} does not exist"),
    "error.period.bad_year": ("năm {year} không hợp lệ", "year {year} is not valid"),
    "error.period.invalid": (
        "kỳ báo cáo '{text}' không hợp lệ: {why}",
        "period '{text}' is not valid: {why}",
    ),
    "error.period.unreadable": (
        "không đọc được kỳ báo cáo '{text}'",
        "cannot read the period '{text}'",
    ),
    "error.period.report_form": (
        "kỳ báo cáo '{text}' phải có dạng 2025-H1, 2025-H2 hoặc 2025",
        "report period '{text}' must look like 2025-H1, 2025-H2 or 2025",
    ),
    "error.settings.invalid": (
        "thiết lập {name}='{raw}' không hợp lệ",
        "setting {name}='{raw}' is not valid",
    ),
    "error.settings.unreadable": ("{path} không đọc được: {why}", "{path} cannot be read: {why}"),
    "error.settings.empty": (
        "thiết lập {where} đang để trống: bỏ hẳn biến đó hoặc đặt một giá trị",
        "setting {where} is empty: remove the variable or give it a value",
    ),
    "error.settings.choice": (
        "thiết lập {where}='{raw}' phải là {allowed}",
        "setting {where}='{raw}' must be {allowed}",
    ),
    "error.settings.or": (" hoặc ", " or "),
    "error.score.weight_range": (
        "trọng số {name}={value} phải trong khoảng 0–1",
        "weight {name}={value} must be within 0–1",
    ),
    "error.score.zero_weights": (
        "trọng số nhiệm vụ và chỉ tiêu không được cùng bằng 0",
        "the task and indicator weights must not both be 0",
    ),
    "safety.cookie_unset": (
        "[auth] cookie_secret chưa đặt: tạo một chuỗi ngẫu nhiên dài",
        "[auth] cookie_secret is not set: make a long random string",
    ),
    "safety.cookie_example": (
        "[auth] cookie_secret là giá trị mẫu: ai cũng giả được phiên",
        "[auth] cookie_secret is the example value: anyone could forge a session",
    ),
    "safety.cookie_short": (
        "[auth] cookie_secret ngắn hơn {n} byte: tạo lại",
        "[auth] cookie_secret is shorter than {n} bytes: make a new one",
    ),
    "safety.cookie_ok": (
        "≥ {n} byte, không phải giá trị mẫu",
        "≥ {n} bytes, not the example value",
    ),
    "safety.demo_mode": ("chưa có [auth]: chế độ minh họa (demo)", "no [auth]: demo mode"),
    "safety.auth_missing": ("thiếu [auth] {keys}", "[auth] lacks {keys}"),
    "safety.auth_complete": ("[auth] đủ các mục", "[auth] has every key"),
    "safety.client_unset": ("[auth] client_secret chưa đặt", "[auth] client_secret is not set"),
    "safety.client_example": (
        "[auth] client_secret là giá trị mẫu",
        "[auth] client_secret is the example value",
    ),
    "safety.client_ok": ("không phải giá trị mẫu", "not the example value"),
    "safety.production_without_auth": (
        "KPI_ENV=production nhưng chưa cấu hình đăng nhập: thêm mục [auth] vào "
        ".streamlit/secrets.toml (xem docs/access-control.md). Chế độ minh họa không được "
        "phép trong môi trường production.",
        "KPI_ENV=production but sign-in is not configured: add an [auth] table to "
        ".streamlit/secrets.toml (see docs/access-control.md). Demo mode is not allowed in "
        "production.",
    ),
    "error.units.same_name": (
        "tên đơn vị '{name}' trùng với đơn vị {other} (unit name already used by {other}): {code}",
        "unit name '{name}' already used by {other}: {code}",
    ),
    "error.font_missing": ("không tìm thấy phông {path}", "font not found: {path}"),
}
