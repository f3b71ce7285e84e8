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
        "dòng {row}: trùng đơn vị và chỉ tiêu {key}",
        "row {row}: unit and indicator {key} repeated",
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
}
