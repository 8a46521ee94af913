"""The PO machinery: parse (``poparse``: the strict line parser, after ``pofast`` has read the
well-formed entries; both on ``poentry``), wrap as msgcat does (``powrap``), read and write
catalogs (``catalog``), merge as msgmerge does (``update``) and remember what was done
(``stamps``). Layers run in that order; nothing here imports from readers, qa, mt or render."""
