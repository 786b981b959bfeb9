def read_csv(path, label=None, features=None, delimiter=",", header=True):
    """Rows of a CSV file as trainspec reads them: numeric features, the label column's distinct
    values numbered in sorted order (integers numerically, text by code point, as LabelEncoder)."""
    with open(path, newline="", encoding="utf-8") as f:
        rows = [row for row in csv.reader(f, delimiter=delimiter) if row]
    names = rows.pop(0) if header else [str(i) for i in range(len(rows[0]))]

    def column(key):
        if isinstance(key, int):
            return key % len(names)
        return names.index(key)

    label_col = len(names) - 1 if label is None else column(label)
    feature_cols = [c for c in range(len(names)) if c != label_col] if features is None else [column(k) for k in features]
    X = np.array([[float(row[c]) for c in feature_cols] for row in rows], dtype=np.float64)
    raw = [row[label_col].strip() for row in rows]
    if all(re.fullmatch(r"[+-]?\d+", v) for v in raw):
        raw = [int(v) for v in raw]
    number = {value: k for k, value in enumerate(sorted(set(raw)))}
    y = np.array([number[v] for v in raw], dtype=np.int64)
    return X, y
