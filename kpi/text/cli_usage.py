"""Words of the command line's own frame: help headings and usage errors.

Typer draws these itself in English; kpi.cli.typer_words puts these in their place when
the command runs in Vietnamese. The English side is Typer's own wording.
"""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "cli.frame.usage": ("Cách dùng: ", "Usage: "),
    "cli.frame.arguments": ("Đối số", "Arguments"),
    "cli.frame.options": ("Tùy chọn", "Options"),
    "cli.frame.commands": ("Lệnh", "Commands"),
    "cli.frame.errors": ("Lỗi", "Error"),
    "cli.frame.required": ("[bắt buộc]", "[required]"),
    "cli.frame.default": ("[mặc định: {}]", "[default: {}]"),
    "cli.frame.env_var": ("[biến môi trường: {}]", "[env var: {}]"),
    "cli.frame.deprecated": ("(không còn dùng) ", "(deprecated) "),
    "cli.frame.aborted": ("Đã dừng.", "Aborted."),
    "cli.frame.help": ("Hiện hướng dẫn này rồi thoát.", "Show this message and exit."),
    "cli.frame.try_help": (
        "Xem [blue]'{command_path} {help_option}'[/] để biết cách dùng.",
        "Try [blue]'{command_path} {help_option}'[/] for help.",
    ),
    "cli.frame.options_metavar": ("[TÙY CHỌN]", "[OPTIONS]"),
    "cli.frame.command_metavar": ("LỆNH [ĐỐI SỐ]...", "COMMAND [ARGS]..."),
    # Usage errors: {name} is the argument or option as typed in the command.
    "cli.usage.missing_argument": ("Thiếu đối số {name}.", "Missing argument {name}."),
    "cli.usage.missing_option": ("Thiếu tùy chọn {name}.", "Missing option {name}."),
    "cli.usage.missing_command": ("Thiếu lệnh.", "Missing command."),
    "cli.usage.no_option": ("Không có tùy chọn {name}.", "No such option: {name}"),
    "cli.usage.no_option_hint": (
        "Không có tùy chọn {name}. Có thể là: {options}.",
        "No such option: {name} (Possible options: {options})",
    ),
    "cli.usage.no_command": ("Không có lệnh {name}.", "No such command {name}."),
    "cli.usage.no_command_hint": (
        "Không có lệnh {name}. Có phải là {options}?",
        "No such command {name}. Did you mean {options}?",
    ),
    "cli.usage.extra_arguments": (
        "Thừa đối số: {args}.",
        "Got unexpected extra argument(s) ({args})",
    ),
    "cli.usage.needs_value": (
        "Tùy chọn {name} cần một giá trị.",
        "Option {name} requires an argument.",
    ),
    "cli.usage.needs_values": (
        "Tùy chọn {name} cần {n} giá trị.",
        "Option {name} requires {n} {n|argument|arguments}.",
    ),
    "cli.usage.takes_no_value": (
        "Tùy chọn {name} không nhận giá trị.",
        "Option {name} does not take a value.",
    ),
    "cli.usage.not_a_choice": (
        "Giá trị {value} của {name} không hợp lệ: chỉ nhận {choices}.",
        "Invalid value for {name}: {value} is not one of {choices}.",
    ),
    "cli.usage.not_an_integer": (
        "Giá trị của {name} không hợp lệ: cần một số nguyên.",
        "Invalid value for {name}: Input should be a valid integer",
    ),
    "cli.usage.not_a_number": (
        "Giá trị của {name} không hợp lệ: cần một số.",
        "Invalid value for {name}: Input should be a valid number",
    ),
    "cli.usage.invalid_value": (
        "Giá trị của {name} không hợp lệ: {detail}",
        "Invalid value for {name}: {detail}",
    ),
}
