"""Words of the dashboard: navigation, pages, charts, the upload and the reporting cycle."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "app_title": ("Theo dõi chỉ tiêu chuyển đổi số", "Digital transformation targets"),
    "app_subtitle": (
        "Phụ lục I, Nghị quyết 71/NQ-CP · Bộ Nội vụ · mục tiêu đến năm 2030",
        "Annex I, Resolution 71/NQ-CP · Ministry of Home Affairs · targets for 2030",
    ),
    "language": ("Ngôn ngữ", "Language"),
    "demo_banner": (
        "Dữ liệu minh họa — các số liệu đang hiển thị không phải số liệu thật.",
        "Demo data — the figures shown are illustrative, not real.",
    ),
    "signed_in_as": ("Người dùng", "Signed in as"),
    "role": ("Vai trò", "Role"),
    "nav_overview": ("Tổng quan", "Overview"),
    "nav_indicator": ("Chỉ tiêu", "Indicator"),
    "nav_upload": ("Nộp số liệu", "Upload"),
    "nav_submissions": ("Tình hình nộp", "Submissions"),
    "nav_alerts": ("Cảnh báo", "Alerts"),
    "nav_reports": ("Báo cáo", "Reports"),
    "nav_audit": ("Nhật ký hệ thống", "Audit log"),
    "nav_users": ("Người dùng và phân quyền", "Users and access"),
    "nav_section_monitor": ("Theo dõi", "Monitor"),
    "nav_section_data": ("Số liệu", "Data"),
    "nav_section_admin": ("Quản trị", "Administration"),
    "no_access": ("Vai trò của bạn không được mở trang này.", "Your role may not open this page."),
    "no_data": ("Chưa có số liệu.", "No figures yet."),
    "overview_title": ("Tổng quan 16 chỉ tiêu", "Overview of the 16 indicators"),
    "overview_caption": (
        "Chỉ tiêu chậm tiến độ đứng đầu. Số liệu tính đến {period}.",
        "Off-target indicators first. Figures as of {period}.",
    ),
    "filters": ("Bộ lọc", "Filters"),
    "filter_group": ("Nhóm chỉ tiêu", "Indicator group"),
    "filter_lead": ("Đơn vị chủ trì", "Lead unit"),
    "filter_unit": ("Đơn vị báo cáo", "Reporting unit"),
    "filter_as_of": ("Tính đến quý", "As of quarter"),
    "all": ("Tất cả", "All"),
    "whole_ministry": ("Toàn Bộ Nội vụ", "Whole Ministry of Home Affairs"),
    "group_label": ("Nhóm {group}", "Group {group}"),
    "col_code": ("Mã", "Code"),
    "col_name": ("Chỉ tiêu", "Indicator"),
    "col_latest": ("Số mới nhất", "Latest"),
    "col_quarter": ("Quý", "Quarter"),
    "col_target": ("Mục tiêu 2030", "2030 target"),
    "col_gap": ("Chênh lộ trình (điểm %)", "Gap to path (pp)"),
    "col_gap_help": (
        "Số mới nhất trừ giá trị lộ trình cần đạt ở cùng quý, tính bằng điểm phần trăm.",
        "Latest value minus the required path at the same quarter, in percentage points.",
    ),
    "col_status": ("Tình trạng", "Status"),
    "col_trend": ("Xu hướng", "Trend"),
    "col_lead": ("Đơn vị chủ trì", "Lead unit"),
    "col_stale": ("Cập nhật", "Updated"),
    # the overview's narrow headers; the full wording is each header's help
    "col_lead_short": ("Chủ trì", "Lead"),
    "col_target_short": ("Mục tiêu", "Target"),
    "col_gap_short": ("Chênh", "Gap"),
    "col_unit": ("Đơn vị", "Unit"),
    "col_ratio": ("Tỷ lệ tốc độ R", "Pace ratio R"),
    # the units table: P beside the status it sets, R after it for reference
    "col_progress": ("Tiến độ dự kiến P", "Projected progress P"),
    "col_progress_short": ("P (quyết định màu)", "P (sets the colour)"),
    "col_progress_help": (
        "Tiến độ dự kiến P: phần chặng đường đến mục tiêu mà dự báo 2030 đạt được. "
        "P quyết định màu tình trạng.",
        "Projected progress P: the share of the way to the target the 2030 projection "
        "reaches. P sets the status colour.",
    ),
    "col_ratio_short": ("R (tham khảo)", "R (reference)"),
    "col_ratio_help": (
        "Tỷ lệ tốc độ R (tốc độ thực tế / tốc độ cần thiết): chỉ để tham khảo, "
        "không quyết định màu.",
        "Pace ratio R (observed pace / required pace): for reference only, "
        "it does not set the colour.",
    ),
    # the quarter is in the column's help and the legend under the table
    "stale_mark": ("⚠ thiếu số", "⚠ no figure"),
    "fresh_mark": ("✓", "✓"),
    "stale_legend": (
        "⚠ = chưa có số liệu của quý vừa kết thúc ({period}).",
        "⚠ = no figure yet for the last ended quarter ({period}).",
    ),
    "count_total": ("chỉ tiêu", "indicators"),
    "pick_indicator": ("Chọn chỉ tiêu", "Choose an indicator"),
    "pick_unit": ("Phạm vi", "Scope"),
    "figures_in_words": ("Diễn giải số liệu", "The figures in words"),
    "units_table": ("Tình trạng theo đơn vị báo cáo", "Status by reporting unit"),
    "small_multiples": ("Diễn biến từng đơn vị", "Each unit's trajectory"),
    "history": ("Lịch sử số liệu và các lần sửa", "History of every figure and revision"),
    "downloads": ("Tải xuống", "Downloads"),
    "history_capped": (
        "Lịch sử gồm {shown} bản ghi mới nhất trên tổng số {total}; chọn một đơn vị để xem đủ.",
        "The history holds the latest {shown} of {total} {total|record|records}; choose a unit "
        "to see them all.",
    ),
    "dl_png": ("Biểu đồ PNG", "Chart PNG"),
    "dl_svg": ("Biểu đồ SVG", "Chart SVG"),
    "dl_csv": ("Số liệu CSV", "Data CSV"),
    "dl_xlsx": ("Số liệu XLSX", "Data XLSX"),
    "chart_unavailable": (
        "Không tạo được tệp ảnh biểu đồ lúc này.",
        "The chart image could not be produced right now.",
    ),
    "w_status": ("**Tình trạng:** {status}. {reason}", "**Status:** {status}. {reason}"),
    "w_latest": (
        "Số mới nhất **{value}** ({period}); mục tiêu **{target}** vào năm 2030.",
        "Latest **{value}** ({period}); target **{target}** by 2030.",
    ),
    "w_ratio": (
        "Tỷ lệ tốc độ R = **{ratio}** (tốc độ thực tế / tốc độ cần thiết): chỉ để tham khảo, "
        "không quyết định màu.",
        "Pace ratio R = **{ratio}** (observed pace / required pace): for reference only, "
        "it does not set the colour.",
    ),
    "w_pace": (
        "Tốc độ thực tế **{observed}** điểm %/năm; cần **{required}** điểm %/năm từ mốc gốc.",
        "Observed pace **{observed}** pp/year; **{required}** pp/year needed from the baseline.",
    ),
    "w_projection": (
        "Nếu giữ tốc độ hiện nay, năm 2030 dự kiến đạt **{value}**.",
        "At the current pace, the 2030 value is projected at **{value}**.",
    ),
    "col_coverage": ("Độ phủ", "Coverage"),
    "ov_use_known_on": (
        "Xem số liệu như đã biết tại một ngày trước",
        "Show the figures as known on an earlier day",
    ),
    "ov_known_on_caption": (
        "Số liệu như đã biết đến hết ngày {day}: các bản sửa ghi sau ngày đó không được tính.",
        "Figures as known at the end of {day}: revisions stored later are not used.",
    ),
    "ov_known_on": ("Số liệu như đã biết đến hết ngày", "Figures as known at the end of"),
    "coverage": ("{counted}/{expected} đơn vị", "{counted} of {expected} {expected|unit|units}"),
    "coverage_value_only": ("{n} đơn vị chỉ báo tỷ lệ", "{n} {n|unit|units} reported a value only"),
    "w_coverage": (
        "Đã cộng: {counted}; chỉ báo tỷ lệ (không cộng): {value_only}; chưa báo: {missing}",
        "Summed: {counted}; value only (not summed): {value_only}; missing: {missing}",
    ),
    "w_interval": (
        "Khoảng dự báo 80% năm 2030: {low} đến {high}.",
        "80% prediction interval for 2030: {low} to {high}.",
    ),
    "w_progress": (
        "Tiến độ dự kiến P = **{progress}** (phần chặng đường đến mục tiêu mà dự báo 2030 đạt "
        "được): P quyết định màu tình trạng, như trong chú giải ở trang Tổng quan.",
        "Projected progress P = **{progress}** (the share of the way to the target the 2030 "
        "projection reaches): P sets the status colour, as in the Overview legend.",
    ),
    "w_none": ("không có", "none"),
    "w_no_projection": ("Không dự báo khi chưa có đánh giá.", "No projection without a verdict."),
    "w_opensdg": (
        "Theo phương pháp Open SDG: **{status}** (điểm {score}).",
        "Open SDG method: **{status}** (score {score}).",
    ),
    "w_disagree": (
        "Hai phương pháp cho kết luận khác nhau; xem cả hai trước khi kết luận.",
        "The two methods disagree; weigh both before concluding.",
    ),
    "w_baseline": ("Mốc gốc: {value} ({period}).", "Baseline: {value} ({period})."),
    "chart_actual": ("Số thực tế", "Actual"),
    "chart_required": ("Lộ trình cần thiết", "Required path"),
    "chart_projection": ("Dự báo theo tốc độ hiện nay", "Projection at current pace"),
    "chart_band": ("Khoảng dự báo", "Projection range"),
    "chart_target": ("Mục tiêu 2030: {value}", "2030 target: {value}"),
    "chart_quarter": ("Quý", "Quarter"),
    "chart_value": ("Giá trị", "Value"),
    "chart_series": ("Đường", "Line"),
    "upload_title": ("Nộp số liệu quý", "Submit quarterly figures"),
    "upload_intro": (
        "Tải mẫu, điền số liệu của đơn vị, rồi tải tệp lên. Hệ thống kiểm tra toàn bộ tệp "
        "trước khi ghi; tệp có lỗi không làm thay đổi số liệu đã lưu.",
        "Download the template, fill in your unit's figures, then upload the file. The "
        "whole file is checked before anything is written; a file with errors changes "
        "nothing.",
    ),
    "step_template": ("1. Tải mẫu", "1. Download the template"),
    "step_upload": ("2. Tải tệp lên", "2. Upload the file"),
    "step_check": ("3. Kết quả kiểm tra", "3. Validation result"),
    "step_commit": ("4. Ghi số liệu", "4. Commit"),
    "template_unit": ("Đơn vị", "Unit"),
    "template_period": ("Quý báo cáo", "Reporting quarter"),
    "template_xlsx": ("Tải mẫu Excel", "Download Excel template"),
    "template_csv": ("Tải mẫu CSV", "Download CSV template"),
    "file_label": ("Tệp CSV hoặc Excel (.csv, .xlsx, .xls, .ods)", "CSV or Excel file"),
    "errors_found": (
        "Tệp có {n} lỗi. Chưa có số liệu nào được ghi. Hãy sửa các dòng dưới đây rồi tải lại.",
        "The file has {n} {n|problem|problems}. Nothing was written. Fix the rows below and "
        "upload again.",
    ),
    "err_row": ("Dòng", "Row"),
    "err_column": ("Cột", "Column"),
    "err_value": ("Giá trị", "Value"),
    "err_message": ("Lỗi", "Problem"),
    "warn_message": ("Cảnh báo", "Warning"),
    "errors_found_file": (
        "Lỗi nằm ở cả tệp, không ở dòng nào. Chưa có số liệu nào được ghi. Hãy sửa tệp theo "
        "nội dung lỗi dưới đây (định dạng, cột tiêu đề, trang tính) rồi tải lại.",
        "The problem is with the file as a whole, not with any row. Nothing was written. "
        "Correct the file as the message below says (format, header columns, sheet) and "
        "upload it again.",
    ),
    "preview_ok": (
        "Tệp hợp lệ: {rows} dòng — {new} mới, {changed} thay đổi, {unchanged} không đổi.",
        "The file is valid: {rows} {rows|row|rows} — {new} new, {changed} changed, {unchanged} "
        "unchanged.",
    ),
    "state_new": ("mới", "new"),
    "state_changed": ("thay đổi", "changed"),
    "state_unchanged": ("không đổi", "unchanged"),
    "col_state": ("Loại", "Kind"),
    "col_old_value": ("Giá trị cũ", "Old value"),
    "col_new_value": ("Giá trị mới", "New value"),
    "warnings_title": ("Cần xác nhận", "Needs confirmation"),
    "warning_note": (
        "Ghi chú giải thích (bắt buộc khi có cảnh báo)",
        "Explanatory note (required when there are warnings)",
    ),
    "commit_note": ("Ghi chú cho lần nộp (không bắt buộc)", "Note for this upload (optional)"),
    "confirm_box": (
        "Tôi đã kiểm tra các cảnh báo và xác nhận số liệu là đúng",
        "I have checked the warnings and confirm the figures",
    ),
    "commit_button": ("Ghi số liệu", "Commit figures"),
    "committing": ("Đang ghi số liệu…", "Writing figures…"),
    "commit_done": (
        "Đã ghi: {new} mới, {changed} thay đổi, {unchanged} không đổi (lần nộp số {id}).",
        "Committed: {new} new, {changed} changed, {unchanged} unchanged (upload #{id}).",
    ),
    "already_imported": (
        "Tệp này đã được nhập trước đây (lần nộp số {id}); không tạo bản sửa mới.",
        "This file was already imported (upload #{id}); no new revision was made.",
    ),
    "upload_refused": (
        "Không ghi được; số liệu đã lưu không thay đổi.",
        "Not committed; the stored figures are unchanged.",
    ),
    "checking": ("Đang kiểm tra tệp…", "Checking the file…"),
    "errors_capped": (
        "Bảng dưới đây liệt kê {shown} lỗi đầu tiên.",
        "The table lists the first {shown} {shown|problem|problems}.",
    ),
    "outside_scope": (
        "Tệp có số liệu của đơn vị ngoài phạm vi bạn được giao: {units}. Chưa có gì được ghi.",
        "The file holds figures for units outside your scope: {units}. Nothing was written.",
    ),
    "nothing_to_commit": (
        "Mọi số liệu trong tệp đã có sẵn; không có gì cần ghi.",
        "Every figure in the file is already stored; nothing to commit.",
    ),
    "value_only_rows": (
        "{n} dòng chỉ có tỷ lệ, không có tử số và mẫu số (dòng {rows}): số liệu được ghi "
        "nhưng không được cộng dồn vào số liệu của đơn vị cấp trên và toàn Bộ.",
        "{n} {n|row gives|rows give} a value without numerator and denominator ({rows|row|rows} "
        "{rows}): they are "
        "stored but not summed into the parent units' and the ministry's figures.",
    ),
    "not_reported": (
        "{n} dòng không có số liệu (không có giá trị, tử số, mẫu số) được bỏ qua, ghi nhận "
        "là chưa báo cáo; đã báo cáo {reported}/{expected} dòng.",
        "{n} {n|row|rows} without figures (no value, numerator or denominator) are skipped as not "
        "reported; {reported} of {expected} {expected|row|rows} reported.",
    ),
    "reimported": (
        "Tệp này đã được nhập trước đó (lần nộp số {id}); các số liệu khác với số đang lưu "
        "được ghi lại thành bản sửa mới.",
        "This file was imported before (upload #{id}); its figures that differ from the "
        "stored ones were written again as new revisions.",
    ),
    "already_current": (
        "Mọi số liệu trong tệp trùng với số đang lưu; không tạo bản sửa mới.",
        "Every figure in the file equals the stored one; no new revision was made.",
    ),
    "upload_download": ("Tải tệp đã nộp", "Download the uploaded file"),
    "upload_pick": ("Lần nộp", "Upload"),
    "upload_scope": ("Bạn được nộp cho: {units}", "You may submit for: {units}"),
    "upload_no_scope": (
        "Tài khoản chưa được giao đơn vị nào; liên hệ {contact}.",
        "Your account has no units assigned; contact {contact}.",
    ),
    "subm_title": ("Tình hình nộp báo cáo", "Report submissions"),
    "subm_caption": (
        "Hạn nộp: {days} ngày sau khi kết thúc quý. Mỗi ô là một đơn vị trong một quý.",
        "Deadline: {days} {days|day|days} after the quarter ends. Each cell is one unit in one "
        "quarter.",
    ),
    "subm_submitted": ("Đã nộp đúng hạn", "Submitted on time"),
    "subm_late": ("Nộp muộn", "Submitted late"),
    "subm_missing": ("Chưa nộp (quá hạn)", "Missing (overdue)"),
    "subm_pending": ("Chưa đến hạn", "Not yet due"),
    "subm_quarters": ("Số quý hiển thị", "Quarters shown"),
    "subm_only_problems": (
        "Chỉ hiện đơn vị có báo cáo muộn hoặc thiếu",
        "Only units late or missing",
    ),
    "alerts_title": ("Cảnh báo", "Alerts"),
    "alerts_worse": (
        "Tình trạng xấu đi so với quý trước ({previous} → {current})",
        "Status worse than the previous quarter ({previous} → {current})",
    ),
    "alerts_stale": (
        "Chuỗi số liệu chưa cập nhật {period}",
        "Series with no figure for {period}",
    ),
    "alerts_none_worse": (
        "Không có chuỗi nào xấu đi so với quý trước.",
        "No series got worse since last quarter.",
    ),
    "alerts_none_stale": ("Mọi chuỗi đều đã cập nhật.", "Every series is up to date."),
    "col_before": ("Quý trước", "Previous quarter"),
    "col_now": ("Quý này", "This quarter"),
    "col_last_period": ("Quý có số gần nhất", "Last quarter with a figure"),
    "audit_title": ("Nhật ký hệ thống", "Audit log"),
    "uploads_title": ("Các lần nộp số liệu", "Uploads"),
    "nav_approvals": ("Phê duyệt số liệu", "Sign-off"),
    "nav_cycle_admin": ("Nghĩa vụ báo cáo và khóa số liệu", "Obligations and locks"),
    "approved_word": ("✔ đã duyệt", "✔ approved"),
    "unapproved_word": ("chưa duyệt", "not approved"),
    "col_approval": ("Phê duyệt", "Sign-off"),
    "unapproved_note": (
        "⚠ {n} số liệu chưa được thủ trưởng đơn vị phê duyệt (“chưa duyệt”); vẫn được tính.",
        "⚠ {n} {n|figure|figures} not yet approved by the unit head (“not approved”); they still "
        "count.",
    ),
    "cycle_caption": (
        "Theo nghĩa vụ báo cáo: hạn nộp {days} ngày sau khi kết thúc quý; {lock} ngày sau "
        "hạn, quý bị khóa với cán bộ đầu mối.",
        "By reporting obligation: due {days} {days|day|days} after the quarter ends; {lock} "
        "{lock|day|days} "
        "after the deadline the quarter locks for officers.",
    ),
    "subm_expected": ("Báo cáo phải nộp", "Expected reports"),
    "subm_reports": ("Đã nộp", "Reports"),
    "subm_on_time_n": ("Nộp đúng hạn", "Reports on time"),
    "subm_rate": ("Tỷ lệ nộp", "Reporting rate"),
    "subm_on_time_rate": ("Tỷ lệ đúng hạn", "On-time rate"),
    "subm_by_unit": ("Theo đơn vị", "By unit"),
    "subm_by_indicator": ("Theo chỉ tiêu", "By indicator"),
    "subm_matrix": ("Đơn vị × quý (tình trạng kém nhất)", "Unit × quarter (worst state)"),
    "col_indicator": ("Chỉ tiêu", "Indicator"),
    "appr_title": ("Phê duyệt số liệu của đơn vị", "Sign-off of the unit's figures"),
    "appr_caption": (
        "Thủ trưởng đơn vị phê duyệt số liệu từng quý; số liệu đã duyệt bị khóa, muốn sửa "
        "phải hủy phê duyệt (ghi lý do).",
        "The unit head signs off each quarter; approved figures are locked and reopen only "
        "when the sign-off is withdrawn (with a reason).",
    ),
    "appr_pending": ("Đang chờ phê duyệt", "Waiting for sign-off"),
    "appr_none": ("Không có số liệu nào chờ phê duyệt.", "Nothing waits for sign-off."),
    "appr_choose": ("Đơn vị và quý", "Unit and quarter"),
    "appr_approve": ("Phê duyệt", "Approve"),
    "appr_done": (
        "Đã phê duyệt {n} số liệu {period} của {unit}.",
        "Approved {n} {n|figure|figures} of {unit}, {period}.",
    ),
    "appr_signed": ("Đã phê duyệt", "Signed off"),
    "appr_unapprove": ("Hủy phê duyệt", "Withdraw sign-off"),
    "appr_reason": ("Lý do hủy phê duyệt", "Reason for withdrawing"),
    "appr_undone": (
        "Đã hủy phê duyệt {period} của {unit}.",
        "Sign-off of {unit}, {period} withdrawn.",
    ),
    "col_figures": ("Số liệu", "Figures"),
    "col_approved_by": ("Người duyệt", "Approved by"),
    "col_approved_at": ("Lúc duyệt", "Approved at"),
    "cyc_title": ("Nghĩa vụ báo cáo và khóa số liệu", "Reporting obligations and locks"),
    "cyc_obligations": ("Nghĩa vụ báo cáo", "Reporting obligations"),
    "cyc_import": (
        "Tệp CSV nghĩa vụ báo cáo: mỗi dòng một đơn vị, một chỉ tiêu, từ quý và đến quý "
        "(để trống là không giới hạn)",
        "CSV file of reporting obligations: each row a unit, an indicator, a first and a last "
        "quarter (empty means no limit)",
    ),
    "cyc_import_help": (
        "Dòng tiêu đề của tệp: unit_code, indicator_code, from_period, to_period. "
        "Quý viết như 2025-Q3.",
        "The file's header row: unit_code, indicator_code, from_period, to_period. "
        "Quarters are written like 2025-Q3.",
    ),
    "cyc_import_go": ("Nạp nghĩa vụ báo cáo", "Import the obligations"),
    "cyc_imported": (
        "Đã lưu {n} nghĩa vụ báo cáo.",
        "Saved {n} reporting {n|obligation|obligations}.",
    ),
    "cyc_locks": ("Ngoại lệ mở khóa", "Lock exceptions"),
    "cyc_no_locks": (
        "Chưa có ngoại lệ mở khóa nào.",
        "No lock exceptions yet.",
    ),
    "cyc_open": ("Mở khóa", "Open the lock"),
    "cyc_until": ("Mở đến hết ngày", "Open until"),
    "cyc_reason": ("Lý do", "Reason"),
    "cyc_opened": (
        "Đã mở khóa {period} cho {unit} đến hết {until}.",
        "Opened {period} for {unit} until {until}.",
    ),
    "col_from": ("Từ quý", "From"),
    "col_to": ("Đến quý", "Until"),
    "col_source": ("Nguồn", "Source"),
    "source_catalogue": ("danh mục", "catalogue"),
    "source_import": ("nhập", "imported"),
    "col_opened_by": ("Người mở", "Opened by"),
}
