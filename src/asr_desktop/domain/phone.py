# TEMPORARY: replaced by the domain-text branch.
def normalize_phone(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def format_phone(digits: str) -> str:
    if len(digits) == 10:
        return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
    return digits
