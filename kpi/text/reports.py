"""Words of the 6-month and year-end reports (XLSX and PDF)."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "report.title": (
        "BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHUYỂN ĐỔI SỐ",
        "REPORT ON THE DIGITAL TRANSFORMATION INDICATORS",
    ),
    "report.subtitle": (
        "Phụ lục I, Kế hoạch của Bộ Nội vụ thực hiện Nghị quyết số 71/NQ-CP",
        "Annex I, Ministry of Home Affairs plan implementing Resolution No. 71/NQ-CP",
    ),
    "report.ministry": ("BỘ NỘI VỤ", "MINISTRY OF HOME AFFAIRS"),
    "report.nation": ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM"),
    "report.motto": ("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"),
    "report.unit": ("Đơn vị báo cáo", "Reporting unit"),
    "report.period": ("Kỳ báo cáo", "Reporting period"),
    "report.made_on": ("Ngày lập", "Date made"),
    "report.known_on": ("Số liệu như đã biết đến hết ngày", "Figures as known at the end of"),
    "report.known_now": (
        "ngày lập báo cáo (mọi bản sửa đã ghi)",
        "the day the report was made (every stored revision)",
    ),
    "report.as_of": ("Số liệu tính đến", "Data as of"),
    "report.compare": (
        "So sánh với kỳ trước (số liệu đến)",
        "Compared with the previous report (data as of)",
    ),
    "report.reference": ("Căn cứ", "Reference"),
    "report.reference_text": (
        "Nghị quyết số 71/NQ-CP của Chính phủ; Kế hoạch của Bộ Nội vụ, Phụ lục I (16 chỉ "
        "tiêu chuyển đổi số đến năm 2030); báo cáo định kỳ 6 tháng và cả năm gửi Vụ Công "
        "chức - Viên chức (mục III.2).",
        "Government Resolution No. 71/NQ-CP; Ministry of Home Affairs plan, Annex I (16 "
        "digital transformation indicators to 2030); 6-month and year-end reports to the "
        "Department of Civil Servants and Public Employees (section III.2).",
    ),
    "report.hash": ("Mã kiểm tra dữ liệu (SHA-256)", "Data content hash (SHA-256)"),
    "report.hash_note": (
        "Tính trên mọi số liệu dùng cho báo cáo, kỳ báo cáo và đơn vị (không gồm ngày "
        "lập): cùng số liệu và cùng kỳ luôn cho cùng mã.",
        "Computed over every figure the report used, the period and the unit (not the date "
        "made): the same data and period always give the same hash.",
    ),
    "report.s_summary": ("I. TÓM TẮT", "I. SUMMARY"),
    "report.s_table": ("II. KẾT QUẢ THEO CHỈ TIÊU", "II. RESULTS BY INDICATOR"),
    "report.s_charts": ("III. BIỂU ĐỒ LỘ TRÌNH", "III. TRAJECTORY CHARTS"),
    "report.s_quality": ("IV. CHẤT LƯỢNG SỐ LIỆU", "IV. DATA QUALITY"),
    "report.s_annex": ("PHỤ LỤC", "ANNEX"),
    "report.count_status": ("Số chỉ tiêu theo trạng thái", "Indicators by status"),
    "report.status": ("Trạng thái", "Status"),
    "report.count": ("Số chỉ tiêu", "Indicators"),
    "report.off_target": ("Chỉ tiêu chậm tiến độ hoặc đang đi xuống", "Off-target indicators"),
    "report.none_off_target": (
        "Không có chỉ tiêu nào chậm tiến độ.",
        "No indicator is off target.",
    ),
    "report.lead_units": ("Đơn vị chủ trì", "Lead units"),
    "report.code": ("Mã", "Code"),
    "report.indicator": ("Chỉ tiêu", "Indicator"),
    "report.target": ("Mục tiêu 2030 (%)", "2030 target (%)"),
    "report.start_value": ("Đầu kỳ (%)", "Start (%)"),
    "report.end_value": ("Cuối kỳ (%)", "End (%)"),
    "report.change": ("Thay đổi (điểm %)", "Change (pp)"),
    "report.trajectory": ("Lộ trình (%)", "Path (%)"),
    "report.gap": ("Chênh lệch (điểm %)", "Gap (pp)"),
    "report.pace_needed": ("Cần tăng mỗi quý (điểm %)", "Needed per quarter (pp)"),
    "report.projected": ("Dự báo 2030 (%)", "Projected 2030 (%)"),
    "report.movement": ("So với kỳ trước", "Vs previous report"),
    "report.previous_status": ("Trạng thái kỳ trước", "Previous status"),
    "report.reason": ("Giải thích", "Explanation"),
    "report.latest_period": ("Kỳ số liệu mới nhất", "Latest period"),
    "report.improved": ("▲ Cải thiện", "▲ Improved"),
    "report.worsened": ("▼ Xấu đi", "▼ Worsened"),
    "report.unchanged": ("Không đổi", "Unchanged"),
    "report.new": ("Mới có đánh giá", "Newly assessed"),
    "report.no_value": ("-", "-"),
    "report.missing_units": ("Đơn vị chưa gửi số liệu", "Units that did not submit"),
    "report.late": ("Gửi muộn", "Late submissions"),
    "report.revised": (
        "Số liệu được điều chỉnh kể từ kỳ báo cáo trước",
        "Figures revised since the previous report",
    ),
    "report.outliers": ("Biến động bất thường đã được xác nhận", "Confirmed outliers"),
    # what an empty list of the report says, one sentence per list
    "report.none.missing_units": (
        "Mọi đơn vị đã gửi số liệu của kỳ.",
        "Every unit submitted its figures for the period.",
    ),
    "report.none.late": ("Không có đơn vị nào gửi muộn.", "No unit submitted late."),
    "report.none.revised": (
        "Không có số liệu nào được điều chỉnh kể từ kỳ báo cáo trước.",
        "No figure was revised since the previous report.",
    ),
    "report.none.outliers": (
        "Không có biến động bất thường nào được xác nhận.",
        "No outlier was confirmed.",
    ),
    "report.none.uploads": (
        "Báo cáo không dùng lần nhập số liệu nào.",
        "The report uses no upload.",
    ),
    "report.no_data_reason": (
        "Chưa có số liệu đến kỳ báo cáo.",
        "No data up to the reporting period.",
    ),
    "report.quarter": ("Quý", "Quarter"),
    "report.deadline": ("Hạn gửi", "Deadline"),
    "report.submitted_at": ("Thời điểm gửi", "Submitted at"),
    "report.unit_col": ("Đơn vị", "Unit"),
    "report.period_col": ("Kỳ", "Period"),
    "report.old_value": ("Giá trị cũ", "Old value"),
    "report.new_value": ("Giá trị mới", "New value"),
    "report.prev_quarter": ("Quý trước", "Previous quarter"),
    "report.by": ("Người nhập", "Entered by"),
    "report.at": ("Thời điểm (giờ Việt Nam)", "Time (Viet Nam, UTC+7)"),
    "report.note": ("Ghi chú", "Note"),
    "report.file": ("Tệp", "File"),
    "report.officer": ("Cán bộ nhập", "Officer"),
    "report.rows": ("Số dòng", "Rows"),
    "report.methodology": ("Phương pháp đánh giá (tóm tắt)", "Methodology (short)"),
    "report.uploads": (
        "Các lần nhập số liệu được dùng trong báo cáo",
        "Uploads used by this report",
    ),
    "report.notices": ("Lưu ý về số liệu", "Notes on the data"),
    "report.of": ("/", "/"),
    "report.sheet_summary": ("Tóm tắt", "Summary"),
    "report.sheet_data": ("Số liệu", "Data"),
    "report.sheet_charts": ("Biểu đồ", "Charts"),
    "report.sheet_quality": ("Chất lượng số liệu", "Data quality"),
    "report.sheet_annex": ("Phụ lục", "Annex"),
    "report.pp": ("điểm %", "pp"),
    "report.chart_caption": ("Chỉ tiêu", "Indicator"),
    "report.total": ("Tổng số", "Total"),
    "report.method_1": (
        "Mỗi chỉ tiêu là một tỷ lệ phần trăm, càng cao càng tốt; mục tiêu đạt vào {target}.",
        "Every indicator is a percentage where higher is better; its target falls in {target}.",
    ),
    "report.method_2": (
        "Dự báo 2030 kéo dài đường thẳng bình phương tối thiểu qua mọi giá trị từ kỳ gốc đến "
        "{target} (giới hạn 0–100); tiến độ dự kiến P = (dự báo 2030 − giá trị gốc) / "
        "(mục tiêu − giá trị gốc) quyết định trạng thái. Tỷ số tốc độ R = tốc độ thực tế / "
        "tốc độ cần thiết chỉ để tham khảo.",
        "The 2030 projection extends the least-squares line through all values from the "
        "baseline to {target} (clipped to 0–100); projected progress P = (projection − "
        "baseline) / (target − baseline) sets the status. The pace ratio R = observed / "
        "required pace is for reference only.",
    ),
    "report.method_3": (
        "Trạng thái theo quy tắc đầu tiên thỏa mãn, theo thứ tự sau:",
        "The status is the first of these rules that holds, in this order:",
    ),
    "report.method_rule": ("{status}: {rule}", "{status}: {rule}"),
    "report.method_4": (
        "Giá trị lộ trình là đường thẳng từ giá trị gốc đến mục tiêu; chênh lệch = giá trị "
        "mới nhất − giá trị lộ trình. Dự báo 2030 kéo dài tốc độ thực tế, giới hạn trong "
        "0–100.",
        "The trajectory is the straight line from the baseline to the target; gap = latest "
        "value − trajectory value. The 2030 projection extends the observed pace, clipped "
        "to 0–100.",
    ),
    "report.method_5": (
        "Số liệu cấp Bộ cộng tử số và mẫu số của các đơn vị, không lấy trung bình các tỷ "
        "lệ. Đầu kỳ là số liệu tính đến quý trước kỳ báo cáo, cũng là cuối kỳ của báo cáo "
        "trước.",
        "Ministry figures sum numerators and denominators of the units; percentages are "
        "never averaged. The start of the period is the data as of the quarter before it, "
        "which is the end of the previous report.",
    ),
    "report.place_date": ("Hà Nội, {date}", "Hanoi, {date}"),
    "report.summary": (
        "Tính đến {as_of}, trong {total} chỉ tiêu: {achieved} đã đạt mục tiêu, {on_track} "
        "đúng lộ trình, {accelerate} cần tăng tốc, {off} chậm tiến độ hoặc đang đi xuống, "
        "{insufficient} chưa đủ dữ liệu. So với kỳ báo cáo trước, {improved} chỉ tiêu cải "
        "thiện và {worsened} chỉ tiêu xấu đi.",
        "As of {as_of}, of {total} {total|indicator|indicators}: {achieved} achieved, {on_track} "
        "on track, "
        "{accelerate} {accelerate|needs|need} acceleration, {off} off target, {insufficient} "
        "without enough "
        "data. Since the previous report {improved} improved and {worsened} worsened.",
    ),
    "report_tasks.s_tasks": (
        "Kết quả thực hiện nhiệm vụ (Phụ lục II, III)",
        "Results on the plan's tasks (Annex II, III)",
    ),
    "report_tasks.sheet_tasks": ("Nhiệm vụ", "Tasks"),
    "report_tasks.signoff": (
        "{unsigned} trong {reports} báo cáo tiến độ của kỳ chưa được thủ trưởng đơn vị duyệt "
        "(vẫn được tính, ghi “chưa duyệt”).",
        "{unsigned} of the period's {reports} progress {reports|report|reports} {unsigned|is|are} "
        "not signed off by the unit "
        "head ({unsigned|it still counts|they still count}, marked “not approved”).",
    ),
    "report_tasks.tasks_summary": (
        "{total} nhiệm vụ và cơ sở dữ liệu; {done} đã hoàn thành, {completed} hoàn thành "
        "trong kỳ; {overdue} quá hạn tại {day}.",
        "{total} {total|task or database|tasks and databases}; {done} done, {completed} completed "
        "in the period; "
        "{overdue} overdue on {day}.",
    ),
    "report_tasks.completed": ("Nhiệm vụ hoàn thành trong kỳ", "Tasks completed in the period"),
    "report_tasks.overdue": (
        "Nhiệm vụ quá hạn và đơn vị chủ trì",
        "Overdue tasks and their lead units",
    ),
    "report_tasks.issues": ("Khó khăn, vướng mắc và đề xuất", "Difficulties and proposals"),
    "report_tasks.scores": (
        "Mức độ hoàn thành nhiệm vụ của đơn vị ({half})",
        "Unit completion scores ({half})",
    ),
    "report_tasks.scores_status": (
        "Bảng điểm đã công bố, phiên bản {version}.",
        "Published scorecard, version {version}.",
    ),
    "report_tasks.scores_provisional": (
        "Bảng điểm tạm tính, chưa công bố.",
        "Provisional scorecard.",
    ),
    "report_tasks.code": ("Mã", "Code"),
    "report_tasks.name": ("Tên nhiệm vụ", "Task"),
    "report_tasks.lead": ("Đơn vị chủ trì", "Lead units"),
    "report_tasks.deadline": ("Thời gian hoàn thành", "Completion time"),
    "report_tasks.done_on": ("Ngày hoàn thành", "Done on"),
    "report_tasks.state": ("Trạng thái", "State"),
    "report_tasks.percent": ("Tỷ lệ (%)", "Percent"),
    "report_tasks.unit": ("Đơn vị", "Unit"),
    "report_tasks.text": ("Nội dung", "Text"),
    "report_tasks.date": ("Ngày", "Date"),
    "report_tasks.score": ("Điểm", "Score"),
    "report_tasks.on_time": ("Đúng hạn", "On time"),
    "report_tasks.late": ("Trễ hạn", "Late"),
    "report_tasks.overdue_n": ("Quá hạn", "Overdue"),
    "report_tasks.none.completed": (
        "Không có nhiệm vụ nào hoàn thành trong kỳ.",
        "No task was completed in the period.",
    ),
    "report_tasks.none.overdue": ("Không có nhiệm vụ nào quá hạn.", "No task is overdue."),
    "report_tasks.none.issues": (
        "Các đơn vị chưa báo cáo khó khăn, vướng mắc hay đề xuất nào.",
        "The units reported no difficulty or proposal.",
    ),
    "report_tasks.none.scores": (
        "Chưa có điểm của đơn vị nào.",
        "No unit has a score yet.",
    ),
    "report_tasks.no_reports": (
        "Chưa có báo cáo tiến độ nào trong kỳ.",
        "No progress report was made in the period yet.",
    ),
    "report.col.indicator_code": ("Mã", "Code"),
    "report.col.name": ("Chỉ tiêu", "Indicator"),
    "report.col.lead_units": ("Đơn vị chủ trì", "Lead units"),
    "report.col.target": ("Mục tiêu 2030 (%)", "2030 target (%)"),
    "report.col.baseline_period": ("Kỳ gốc", "Baseline period"),
    "report.col.baseline_value": ("Giá trị gốc (%)", "Baseline value (%)"),
    "report.col.start_period": ("Kỳ đầu kỳ", "Start period"),
    "report.col.start_value": ("Đầu kỳ (%)", "Start (%)"),
    "report.col.latest_period": ("Kỳ cuối kỳ", "End period"),
    "report.col.latest_value": ("Cuối kỳ (%)", "End (%)"),
    "report.col.change": ("Thay đổi (điểm %)", "Change (pp)"),
    "report.col.trajectory_value": ("Lộ trình (%)", "Trajectory (%)"),
    "report.col.gap_pp": ("Chênh lệch (điểm %)", "Gap (pp)"),
    "report.col.observed_pace_pp_per_year": (
        "Tốc độ thực tế (điểm %/năm)",
        "Observed pace (pp/year)",
    ),
    "report.col.required_pace_pp_per_year": (
        "Tốc độ cần thiết (điểm %/năm)",
        "Required pace (pp/year)",
    ),
    "report.col.remaining_pace_pp_per_quarter": (
        "Cần tăng mỗi quý (điểm %)",
        "Needed per quarter (pp)",
    ),
    "report.col.next_quarter_needed": ("Cần đạt quý tới (%)", "Needed next quarter (%)"),
    "report.col.projected_2030": ("Dự báo 2030 (%)", "Projected 2030 (%)"),
    "report.col.status": ("Mã trạng thái", "Status code"),
    "report.col.status_text": ("Trạng thái", "Status"),
    "report.col.reason": ("Giải thích", "Explanation"),
    "report.col.previous_status": ("Trạng thái kỳ trước", "Previous status"),
    "report.col.movement": ("So với kỳ trước", "Vs previous report"),
    "report.col.opensdg_status": ("Đánh giá Open SDG", "Open SDG status"),
    "report.col.methods_disagree": ("Hai phương pháp khác nhau", "Methods disagree"),
    "report.col.stale": ("Số liệu cũ", "Stale data"),
    "report.col.coverage": ("Độ phủ (đơn vị có số liệu)", "Coverage (units with figures)"),
    "report.table_note": (
        "Đầu kỳ: số liệu tính đến {start}; cuối kỳ: số liệu tính đến {end}; kỳ trong ngoặc "
        "là quý gần nhất có số liệu khi sớm hơn. Lộ trình, chênh lệch và tốc độ cần thiết "
        "theo phương pháp ở phần Phụ lục; điểm % = điểm phần trăm.",
        "Start = data as of {start}; end = data as of {end}; a period in brackets is the "
        "latest quarter with data when it is earlier. Trajectory, gap and pace as defined "
        "in the annex; pp = percentage points.",
    ),
    "report.notice.missing_quarters": (
        "Chưa có số liệu {names}; số liệu cuối kỳ lấy theo quý gần nhất có số liệu.",
        "No data for {names}; end values are from the latest quarter with data.",
    ),
    "report.notice.known_on": (
        "Số liệu như đã biết đến hết ngày {day}: các bản sửa ghi sau ngày đó không được tính.",
        "Figures as known at the end of {day}: revisions stored later are not used.",
    ),
    "report.notice.unapproved": (
        "{count} trên {total} số liệu của kỳ chưa được thủ trưởng đơn vị phê duyệt "
        "(“chưa duyệt”); vẫn được tính.",
        "{count} of the {total} {total|figure|figures} of the period {count|is|are} not approved "
        "by their "
        "unit head (“not approved”); they still count.",
    ),
    "report.notice.rollup_differs": (
        "Chỉ tiêu {code}: số liệu toàn Bộ báo cáo trực tiếp khác số cộng dồn từ các đơn vị.",
        "Indicator {code}: the reported ministry figure differs from the units' sum.",
    ),
    "report.notice.counts_missing": (
        "Chỉ tiêu {code}: thiếu tử số/mẫu số của {missing}, chưa cộng dồn được.",
        "Indicator {code}: counts missing for {missing}, left out of the sum.",
    ),
    "report.no_unit": (
        "không có đơn vị '{ref}' trong danh sách đơn vị báo cáo",
        "no unit '{ref}' in the list of reporting units",
    ),
    "report.bad_lang": ("ngôn ngữ phải là vi hoặc en", "the language must be vi or en"),
}
