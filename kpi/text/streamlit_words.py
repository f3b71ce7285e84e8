"""Streamlit's own English widget texts and their Vietnamese (the page translator's pairs).

Each pair is (vi, en) like every catalogue entry, but here the English side is the exact
text Streamlit 1.67 draws (checked in Chromium): the translator (dashboard/widget_words.py)
replaces a whole text that equals the English side by the Vietnamese one. A pair with
placeholders is a pattern; what each placeholder matches is set in the translator.
"""

from __future__ import annotations

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
# Monday first, as a Vietnamese calendar counts: Thứ Hai … Chủ Nhật.
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAY_VI = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")
WEEKDAY_SHORT = ("T2", "T3", "T4", "T5", "T6", "T7", "CN")

_MONTHS = {f"sw.month.{en.lower()}": (f"Tháng {n}", en) for n, en in enumerate(MONTHS, start=1)}
_WEEKDAYS = {
    f"sw.weekday.{en.lower()}": (vi, en) for en, vi in zip(WEEKDAYS, WEEKDAY_VI, strict=True)
}
_WEEKDAY_SHORT = {
    f"sw.weekday_short.{en.lower()}": (short, en[:3])
    for en, short in zip(WEEKDAYS, WEEKDAY_SHORT, strict=True)
}

STRINGS: dict[str, tuple[str, str]] = {
    # ---- the page frame ------------------------------------------------------------------
    "sw.skip": ("Chuyển đến nội dung chính", "Skip to main content"),
    "sw.sidebar": ("Thanh bên", "Sidebar"),
    "sw.sidebar_collapse": ("Thu gọn thanh bên", "Collapse sidebar"),
    "sw.sidebar_expand": ("Mở thanh bên", "Expand sidebar"),
    "sw.app_pages": ("Các trang", "App pages"),
    "sw.main_menu": ("Trình đơn chính", "Main menu"),
    "sw.heading_link": ("Liên kết đến tiêu đề", "Link to heading"),
    "sw.menu.print": ("In trang", "Print"),
    "sw.menu.record": ("Quay màn hình", "Record screen"),
    "sw.menu.made_with": ("Xây dựng bằng Streamlit v", "Made with Streamlit v"),
    "sw.menu.copy_version": ("Sao chép số phiên bản", "Copy version to clipboard"),
    "sw.dialog.close": ("Đóng", "Close"),
    # the screen recording of the main menu (its dialogs are Streamlit's)
    "sw.record.title": ("Quay video màn hình", "Record a screencast"),
    "sw.record.about": (
        "Thao tác này quay video nội dung màn hình của bạn để dễ chia sẻ những gì bạn "
        "đang thấy với người khác.",
        "This will record a video with the contents of your screen, so you can easily share "
        "what you're seeing with others.",
    ),
    "sw.record.audio": ("Quay cả âm thanh", "Also record audio"),
    "sw.record.press": ("Nhấn", "Press"),
    "sw.record.press_to_stop": ("bất cứ lúc nào để dừng quay.", "any time to stop recording."),
    "sw.record.start": ("Bắt đầu quay", "Start recording!"),
    "sw.record.stop": ("Dừng quay", "Stop recording"),
    "sw.record.browsers": (
        "Do giới hạn của một số trình duyệt, tính năng này chỉ dùng được trên các phiên bản "
        "máy tính gần đây của Chrome, Firefox và Edge.",
        "Due to limitations with some browsers, this feature is only supported on recent "
        "desktop versions of Chrome, Firefox, and Edge.",
    ),
    "sw.record.next": ("Các bước tiếp theo", "Next steps"),
    "sw.record.step1": ("Bước 1", "Step 1"),
    "sw.record.step2": ("Bước 2", "Step 2"),
    "sw.record.step3": ("Bước 3", "Step 3"),
    "sw.record.preview": ("Xem lại video dưới đây:", "Preview your video below:"),
    "sw.record.save": ("Lưu video vào máy", "Save video to disk"),
    "sw.record.encoded": ("Video được mã hóa theo", "This video is encoded in the"),
    "sw.record.webm": ("định dạng WebM", "WebM format"),
    "sw.record.players": (
        ", chỉ các trình phát video mới hỗ trợ. Bạn cũng có thể kéo tệp thẳng vào trình "
        "duyệt để xem.",
        ", which is only supported by newer video players. You can also play it by dragging "
        "the file directly into your browser.",
    ),
    "sw.record.share": (
        "Chia sẻ video qua mạng xã hội hoặc thư điện tử.",
        "Share your video with the world on Twitter, LinkedIn, YouTube, or just plain email!",
    ),
    "sw.record.happy": ("Vui", "Happy"),
    "sw.status.running": ("Đang chạy…", "Running..."),
    "sw.status.stop": ("Dừng", "Stop"),
    # ---- element toolbars (hidden, but still named) --------------------------------------
    "sw.toolbar.columns": ("Hiện/ẩn cột", "Show/hide columns"),
    "sw.toolbar.search": ("Tìm kiếm", "Search"),
    "sw.toolbar.fullscreen": ("Toàn màn hình", "Fullscreen"),
    "sw.toolbar.close_fullscreen": ("Thoát toàn màn hình", "Close fullscreen"),
    "sw.toolbar.download_csv": ("Tải CSV", "Download as CSV"),
    "sw.toolbar.show_data": ("Xem số liệu", "Show data"),
    "sw.toolbar.download_png": ("Tải ảnh PNG", "Download as PNG"),
    "sw.toolbar.copy_spec": ("Sao chép đặc tả Vega-Lite", "Copy Vega-Lite spec"),
    "sw.toolbar.columns_of": ("Hiện/ẩn cột: {text}", "Show/hide columns: {text}"),
    "sw.toolbar.search_of": ("Tìm kiếm: {text}", "Search: {text}"),
    "sw.toolbar.fullscreen_of": ("Toàn màn hình: {text}", "Fullscreen: {text}"),
    # ---- charts (Vega's own names of a chart's root) -------------------------------------
    "sw.chart.role": ("biểu đồ", "visualization"),
    "sw.chart.name": ("Biểu đồ", "Vega visualization"),
    # ---- the data grid's column menu -----------------------------------------------------
    "sw.grid.menu": ("Trình đơn cột của bảng", "Dataframe column menu"),
    "sw.grid.copy_name": ("Sao chép tên cột", "Copy column name"),
    "sw.grid.sort_asc": ("Sắp xếp tăng dần", "Sort ascending"),
    "sw.grid.sort_desc": ("Sắp xếp giảm dần", "Sort descending"),
    "sw.grid.statistics": ("Thống kê", "Statistics"),
    "sw.grid.format": ("Định dạng", "Format"),
    "sw.grid.autosize": ("Tự điều chỉnh độ rộng", "Autosize"),
    "sw.grid.pin": ("Ghim cột", "Pin column"),
    "sw.grid.unpin": ("Bỏ ghim cột", "Unpin column"),
    "sw.grid.hide": ("Ẩn cột", "Hide column"),
    "sw.grid.type_text": ("văn bản", "text"),
    "sw.grid.type_number": ("số", "number"),
    "sw.grid.type_date": ("ngày", "date"),
    "sw.grid.type_datetime": ("ngày giờ", "datetime"),
    "sw.grid.loading": ("Đang tải…", "Loading..."),
    "sw.grid.no_data": ("Không có dữ liệu", "No data"),
    # the Format submenu
    "sw.format.automatic": ("Tự động", "Automatic"),
    "sw.format.localized": ("Theo ngôn ngữ", "Localized"),
    "sw.format.plain": ("Số thường", "Plain"),
    "sw.format.compact": ("Rút gọn", "Compact"),
    "sw.format.dollar": ("Đô la", "Dollar"),
    "sw.format.euro": ("Euro", "Euro"),
    "sw.format.yen": ("Yên", "Yen"),
    "sw.format.percent": ("Phần trăm", "Percent"),
    "sw.format.scientific": ("Dạng khoa học", "Scientific"),
    "sw.format.accounting": ("Kế toán", "Accounting"),
    "sw.format.duration": ("Khoảng thời gian", "Duration"),
    "sw.format.distance": ("Cách đây bao lâu", "Distance"),
    "sw.format.calendar": ("Lịch", "Calendar"),
    # the Statistics submenu
    "sw.stats.values": ("Số giá trị", "Values"),
    "sw.stats.empty": ("Ô trống", "Empty"),
    "sw.stats.distinct": ("Số giá trị khác nhau", "Distinct"),
    "sw.stats.average": ("Trung bình", "Average"),
    "sw.stats.std": ("Độ lệch chuẩn", "Standard deviation"),
    "sw.stats.min": ("Nhỏ nhất", "Minimum"),
    "sw.stats.q25": ("Phân vị 25", "25th percentile"),
    "sw.stats.median": ("Trung vị", "Median"),
    "sw.stats.q75": ("Phân vị 75", "75th percentile"),
    "sw.stats.max": ("Lớn nhất", "Maximum"),
    "sw.stats.sum": ("Tổng", "Sum"),
    "sw.stats.min_length": ("Độ dài nhỏ nhất", "Minimum length"),
    "sw.stats.max_length": ("Độ dài lớn nhất", "Maximum length"),
    "sw.stats.avg_length": ("Độ dài trung bình", "Average length"),
    "sw.stats.sample": ("Tính trên mẫu", "Based on sample"),
    "sw.stats.top_values": (
        "Biểu đồ tần suất các giá trị hay gặp: {text}",
        "Top values frequency chart: {text}",
    ),
    "sw.stats.histogram": ("Biểu đồ phân bố: {text}", "Distribution histogram: {text}"),
    "sw.stats.true_false": (
        "Biểu đồ phân bố đúng/sai: {text}",
        "True/false distribution chart: {text}",
    ),
    # ---- select boxes and multiselects ---------------------------------------------------
    "sw.select.open": ("Mở danh sách", "Open"),
    "sw.select.dismiss": ("Đóng danh sách", "Dismiss"),
    "sw.select.no_results": ("Không có kết quả phù hợp", "No results"),
    "sw.select.no_options": ("Không có lựa chọn", "No options"),
    "sw.select.clear_all": ("Bỏ chọn tất cả", "Clear all"),
    "sw.select.clear": ("Bỏ chọn", "Clear"),
    "sw.select.selected": ("Các mục đã chọn", "Selected values"),
    "sw.select.remove": ("Bỏ {text}", "Remove {text}"),
    "sw.select.choose_one": ("Chọn một mục", "Choose an option"),
    "sw.select.choose_many": ("Chọn các mục", "Choose options"),
    "sw.select.available": ("{n} lựa chọn.", "{n} options available."),
    "sw.select.available_one": ("1 lựa chọn.", "1 option available."),
    # ---- the date picker -----------------------------------------------------------------
    "sw.date.choose": ("Chọn ngày", "Choose date"),
    "sw.date.clear": ("Xóa ngày", "Clear date"),
    "sw.date.calendar": ("Chọn ngày, {month} năm {year}", "Choose date, {month} {year}"),
    "sw.date.heading": ("{month} năm {year}", "{month} {year}"),
    "sw.date.keys": (
        "Dùng phím mũi tên để chuyển ngày, Enter để chọn, Esc để đóng.",
        "Use arrow keys to navigate dates. Enter to select. Escape to close.",
    ),
    "sw.date.previous": ("Tháng trước", "Previous month"),
    "sw.date.next_month": ("Tháng sau", "Next month"),
    "sw.date.previous_short": ("Trước", "Previous"),
    "sw.date.next": ("Sau", "Next"),
    "sw.date.month": ("tháng", "month"),
    "sw.date.year": ("năm", "year"),
    "sw.date.day": ("ngày", "day"),
    "sw.date.day_label": (
        "{weekday}, {day}/{month_no}/{year}",
        "{weekday}, {month_no} {day}, {year}",
    ),
    "sw.date.today": ("Hôm nay, {label}", "Today, {label}"),
    "sw.date.selected": ("{label}, đã chọn", "{label} selected"),
    "sw.date.first": ("{label}, ngày sớm nhất được chọn", "{label}, First available date"),
    "sw.date.last": ("{label}, ngày muộn nhất được chọn", "{label}, Last available date"),
    "sw.date.chosen": (
        "Ngày đã chọn: {day}/{month_no}/{year}",
        "Selected Date: {month_no} {day}, {year}",
    ),
    # ---- the file uploader ---------------------------------------------------------------
    # {limit} is Streamlit's rounded size ("20.0MB"); the translator writes the settings'.
    "sw.upload.button": ("Chọn tệp", "Upload"),
    "sw.upload.limit": ("Tối đa {limit} mỗi tệp", "{limit} per file"),
    "sw.upload.drop": ("Kéo và thả tệp vào đây", "Drag and drop a file here"),
    "sw.upload.drop_many": ("Kéo và thả các tệp vào đây", "Drag and drop files here"),
    "sw.upload.size": ("{size} {unit}", "{size}{unit}"),
    "sw.upload.input": ("Chọn tệp để tải lên", "file upload"),
    "sw.upload.add": ("Thêm tệp", "Add files"),
    "sw.upload.add_icon": ("Thêm tệp", "add icon"),
    "sw.upload.chip": ("{text}, {size} {unit}", "{text}, {size}{unit}"),
    "sw.upload.cancel": ("Hủy tải lên {text}", "Cancel upload of {text}"),
    "sw.upload.retry": ("Bấm để tải lên lại", "Click to retry upload"),
    # a file the browser refused: the chip's tooltip and its screen-reader alert
    "sw.upload.error": ("Lỗi:", "Error:"),
    "sw.upload.failed": ("Tải lên không thành công", "Upload failed"),
    "sw.upload.too_large": (
        "Tệp quá lớn: tối đa {limit} mỗi tệp.",
        "File must be {limit} or smaller.",
    ),
    "sw.upload.wrong_type": ("Không nhận tệp kiểu {text}.", "{text} files are not allowed."),
    "sw.upload.too_small": ("Tệp quá nhỏ.", "File size is too small."),
    "sw.upload.only_one": ("Chỉ được chọn một tệp.", "Only one file is allowed."),
    "sw.upload.unexpected": (
        "Lỗi không lường trước. Vui lòng thử lại.",
        "Unexpected error. Please try again.",
    ),
    **_MONTHS,
    **_WEEKDAYS,
    **_WEEKDAY_SHORT,
}
