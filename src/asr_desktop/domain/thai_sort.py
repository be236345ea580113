# TEMPORARY: replaced by the domain-text branch.
def thai_sort_key(text: str) -> str:
    return text
