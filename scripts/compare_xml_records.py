# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Compare the records talent_crm's data and demo files declare at a git revision with the work tree.

    python3 scripts/compare_xml_records.py [REV]        (default REV: HEAD)

For a reshaping of the XML files (files split, merged, renamed, reordered) that must change
nothing. Reads the manifest of each side and walks its `data` then `demo` files in load order.
Fails (exit 1) when:

- an XML id (record, template, menu; CSV row), a <function> call or a <delete> differs between
  the two sides in its model, its noupdate flag or its content, or appears a different number
  of times (an id declared twice, e.g. a group extended later, must still be);
- the relative load order changes where Odoo reads it: declarations of the same id; views
  inheriting the same view (they apply in id order) and primary views of the same model;
  menus under the same parent (ordered by sequence, then id); actions bound to the same model
  (the Action menu lists them by sequence, then id). A changed order of <function> calls is
  listed, to be judged by hand;
- the new side refers to an id of the addon that is loaded only later in the manifest.

Content is compared exactly, field values with their whitespace; only the blanks that indent
a record's fields may change (a record moved between <odoo noupdate="1"> and
<data noupdate="1">).
"""

import ast
import copy
import csv
import io
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

from lxml import etree

REPO = Path(__file__).resolve().parent.parent
MODULE = "talent_crm"
REF_PATTERNS = [
    re.compile(r"""\bref\(\s*['"]([\w.]+)['"]"""),  # eval="ref('x')"
    re.compile(r"%\(([\w.]+)\)d"),  # name="%(action)d"
]


def read(rev, path):
    if rev is None:
        return (REPO / MODULE / path).read_text()
    return subprocess.run(
        ["git", "-C", str(REPO), "show", f"{rev}:{MODULE}/{path}"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def qualify(xmlid):
    return xmlid if "." in xmlid else f"{MODULE}.{xmlid}"


def canonical(el):
    """The element without the blanks that only indent its direct children (the text before
    the first child and the tails of the children): field values stay exact, whitespace
    included (an html body's translation term ends with its last blanks)."""
    el = copy.deepcopy(el)
    el.tail = None
    if len(el):
        el.text = None
        for child in el:
            child.tail = None
    return etree.tostring(el, encoding="unicode")


class Declaration:
    def __init__(self, key, model, noupdate, content, file, attrs, refs):
        self.key, self.model, self.noupdate, self.content = key, model, noupdate, content
        self.file, self.attrs, self.refs = file, attrs, refs


def field_value(el, name):
    f = el.find(f"field[@name='{name}']")
    if f is None:
        return None
    return f.get("ref") or f.get("eval") or (f.text or "").strip()


def collect_refs(el):
    """Ids of the addon this declaration needs at load time."""
    refs = set()
    for attr in ("inherit_id", "parent", "action"):
        if el.get(attr):
            refs.add(el.get(attr))
    if el.tag == "menuitem" and el.get("groups"):
        refs.update(g.strip().lstrip("-") for g in el.get("groups").split(","))
    for node in el.iter():
        if not isinstance(node.tag, str):
            continue
        if node.tag in ("field", "value", "function") and node.get("ref"):
            refs.add(node.get("ref"))
        for attr, value in node.attrib.items():
            if attr == "eval" or "%(" in value:
                for pattern in REF_PATTERNS:
                    refs.update(pattern.findall(value))
    return {qualify(r) for r in refs}


def walk_xml(text, file, out):
    root = etree.fromstring(text.encode())

    def walk(node, noupdate):
        for el in node:
            if not isinstance(el.tag, str):
                continue
            if el.tag == "data":
                walk(el, el.get("noupdate", noupdate))
                continue
            nu = noupdate in ("1", "True", "true")
            attrs = {}
            if el.tag == "record":
                key, model = qualify(el.get("id")), el.get("model")
                if model == "ir.ui.view":
                    inherit = field_value(el, "inherit_id")
                    attrs["view_group"] = (
                        ("inherit", qualify(inherit)) if inherit else ("primary", field_value(el, "model"))
                    )
                elif model in ("ir.actions.act_window", "ir.actions.server"):
                    binding = field_value(el, "binding_model_id")
                    if binding:
                        # the client sorts bound actions by sequence (server actions: 5 by
                        # default, windows have none: 0), then by id
                        default = 5 if model == "ir.actions.server" else 0
                        attrs["binding"] = (qualify(binding), int(field_value(el, "sequence") or default))
            elif el.tag == "template":
                key, model = qualify(el.get("id")), "ir.ui.view"
                if el.get("inherit_id"):
                    attrs["view_group"] = ("inherit", qualify(el.get("inherit_id")))
            elif el.tag == "menuitem":
                key, model = qualify(el.get("id")), "ir.ui.menu"
                parent = qualify(el.get("parent")) if el.get("parent") else None
                attrs["menu_parent"] = (parent, int(el.get("sequence", 10)))
            elif el.tag == "function":
                key, model = f"function {el.get('model')}.{el.get('name')}", el.get("model")
            elif el.tag == "delete":
                key, model = f"delete {el.get('model')} {el.get('id') or el.get('search')}", el.get("model")
            else:
                key, model = f"{el.tag} {el.get('id')}", el.get("model")
            refs = collect_refs(el)
            out.append(Declaration(key, model, nu, canonical(el), file, attrs, refs))

    walk(root, root.get("noupdate", "0"))


def walk_csv(text, file, out):
    model = Path(file).stem
    rows = list(csv.reader(io.StringIO(text)))
    header = rows[0]
    for row in rows[1:]:
        if not row:
            continue
        values = dict(zip(header, row, strict=True))
        refs = {qualify(v) for k, v in values.items() if k.endswith(":id") and v}
        out.append(Declaration(qualify(values["id"]), model, False, repr(sorted(values.items())), file, {}, refs))


def declarations(rev):
    manifest = ast.literal_eval(read(rev, "__manifest__.py"))
    out, files = [], []
    for kind in ("data", "demo"):
        for file in manifest.get(kind, []):
            files.append(file)
            text = read(rev, file)
            if file.endswith(".csv"):
                walk_csv(text, file, out)
            else:
                walk_xml(text, file, out)
    return out, files


def order_groups(decls):
    """The sequences whose order Odoo reads, each as the list of keys in the order Odoo uses:
    load order (= id order), or (sequence, id) for menus and bound actions."""
    groups = defaultdict(list)
    for n, d in enumerate(decls):
        groups[("declarations of", d.key)].append((n, d.key))
        if "view_group" in d.attrs:
            groups[("views", d.attrs["view_group"])].append((n, d.key))
        if "menu_parent" in d.attrs:
            parent, sequence = d.attrs["menu_parent"]
            groups[("menus under", parent)].append(((sequence, n), d.key))
        if "binding" in d.attrs:
            model, sequence = d.attrs["binding"]
            groups[("actions bound to", model)].append(((sequence, n), d.key))
        if d.key.startswith("function "):
            groups[("function calls", "")].append((n, d.key))
    return {g: [key for _order, key in sorted(items)] for g, items in groups.items()}


def by_key(decls):
    res = defaultdict(list)
    for d in decls:
        res[d.key].append(d)
    return res


def compare_declarations(old, new, errors):
    old_k, new_k = by_key(old), by_key(new)
    for key in sorted(set(old_k) | set(new_k)):
        a, b = old_k.get(key, []), new_k.get(key, [])
        if len(a) != len(b):
            errors.append(f"{key}: declared {len(a)} time(s) before, {len(b)} now")
            continue
        for n, (x, y) in enumerate(zip(a, b, strict=True)):
            where = key + (f" (declaration {n + 1})" if len(a) > 1 else "")
            if (x.model, x.noupdate) != (y.model, y.noupdate):
                errors.append(f"{where}: model/noupdate {x.model}/{x.noupdate} -> {y.model}/{y.noupdate}")
            if x.content != y.content:
                errors.append(f"{where}: content differs ({x.file} -> {y.file})")


def compare_orders(old, new, errors, notes):
    old_g, new_g = order_groups(old), order_groups(new)
    for group in sorted(set(old_g) | set(new_g), key=str):
        if old_g.get(group) != new_g.get(group):
            line = f"order of {group[0]} {group[1]}: {old_g.get(group)} -> {new_g.get(group)}"
            # function calls: nothing tells whether two calls depend on each other; judge by hand
            (notes if group[0] == "function calls" else errors).append(line)


def check_forward_refs(new, errors):
    defined, own = set(), {d.key for d in new}
    for d in new:
        for ref in sorted(d.refs):
            if ref.startswith(MODULE + ".") and ref in own and ref not in defined and ref != d.key:
                errors.append(f"{d.key} ({d.file}) refers to {ref}, which is loaded later")
        defined.add(d.key)


def main(argv):
    rev = argv[1] if len(argv) > 1 else "HEAD"
    old, old_files = declarations(rev)
    new, new_files = declarations(None)
    errors, notes = [], []
    compare_declarations(old, new, errors)
    compare_orders(old, new, errors, notes)
    check_forward_refs(new, errors)

    print(f"{rev}: {len(old_files)} files, {len(old)} declarations, {len(by_key(old))} keys")
    print(f"work tree: {len(new_files)} files, {len(new)} declarations, {len(by_key(new))} keys")
    for line in notes:
        print("CHECK BY HAND:", line)
    for line in errors:
        print("ERROR:", line)
    print("OK: same declarations, same order where it matters" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
