"""The self-contained HTML page around the exported report (``kit.notebook.export_html``): its own stylesheet,
one small script of ours (sorting, searching, ``#find=`` links), and a Content-Security-Policy that lets no
other script run and no image, font or style be fetched. Apart from ``kit.page`` (which needs pandas), so
that ``kit report``'s own process writes the page without importing pandas.
"""
from __future__ import annotations

import base64
import hashlib
import html

STYLE = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#222;margin:0 auto;max-width:1180px;
padding:0 20px 60px}
h1{font-size:1.9em;margin:1em 0 .4em}h2{font-size:1.35em;margin:2em 0 .4em;border-bottom:1px solid #ddd}
a.anchor-link{display:none}img{max-width:100%;height:auto}
pre{white-space:pre-wrap;background:#f6f6f6;padding:8px;font-size:13px;overflow-x:auto}
.kit-table{border-collapse:collapse;font-size:13px;margin:.6em 0 1em;width:100%}
.kit-table th,.kit-table td{border-bottom:1px solid #e4e4e4;padding:4px 8px;vertical-align:top;text-align:left}
.kit-table th{background:#f3f3f3;position:sticky;top:0}.kit-table td.kit-num,.kit-table th.kit-num{text-align:right;
white-space:nowrap}.kit-table td.kit-text{min-width:18em}.kit-table tr:target{background:#fff3b0}
.kit-sortable th{cursor:pointer}.kit-sortable th[aria-sort=ascending]:after{content:" \\25B2"}
.kit-sortable th[aria-sort=descending]:after{content:" \\25BC"}
.kit-search{font:inherit;padding:4px 8px;width:min(32em,100%);margin:.4em .6em .4em 0}
.kit-scroll{max-height:80vh;overflow:auto}.kit-empty{color:#555;font-style:italic}.kit-more{color:#555}
.kit-bidi{background:#fde2e2;color:#900;font-size:.8em}
"""

SCRIPT = """
(function(){
function cellValue(row,i){var c=row.cells[i];if(!c)return "";var s=c.getAttribute("data-sort");
return s!==null?s:c.textContent;}
function sortBy(table,i,th){var body=table.tBodies[0],rows=[].slice.call(body.rows);
var asc=th.getAttribute("aria-sort")!=="ascending";
[].forEach.call(th.parentNode.cells,function(h){h.removeAttribute("aria-sort");});
th.setAttribute("aria-sort",asc?"ascending":"descending");
var num=rows.every(function(r){var v=cellValue(r,i);return v===""||!isNaN(Number(v));});
rows.sort(function(a,b){var x=cellValue(a,i),y=cellValue(b,i);
if(num){x=x===""?-Infinity:Number(x);y=y===""?-Infinity:Number(y);return asc?x-y:y-x;}
return asc?x.localeCompare(y):y.localeCompare(x);});
rows.forEach(function(r){body.appendChild(r);});}
function filter(table,query,count){var heads=[].map.call(table.tHead.rows[0].cells,function(h){
return h.textContent.trim().toLowerCase();});var terms=query.toLowerCase().split(/\\s+(?=\\S+:)|\\s*;\\s*/)
.filter(Boolean).map(function(t){var m=t.match(/^([a-z_ ]+):(.*)$/);var k=m?heads.indexOf(m[1].trim()):-1;
return k>=0?[k,m[2].trim()]:[-1,t.trim()];});var shown=0;
[].forEach.call(table.tBodies[0].rows,function(r){var ok=terms.every(function(t){
var text=t[0]>=0?r.cells[t[0]].textContent:r.textContent;return text.toLowerCase().indexOf(t[1])>=0;});
r.hidden=!ok;if(ok)shown++;});count.textContent=shown.toLocaleString()+" of "+
table.tBodies[0].rows.length.toLocaleString()+" rows";}
var boxes={};
[].forEach.call(document.querySelectorAll("table.kit-sortable"),function(t){
[].forEach.call(t.tHead.rows[0].cells,function(th,i){th.title="Sort";th.addEventListener("click",
function(){sortBy(t,i,th);});});});
[].forEach.call(document.querySelectorAll("table.kit-searchable"),function(t){
var box=document.createElement("input");box.type="search";box.className="kit-search";
box.placeholder="Search these rows (speaker: Peskov; camp: Kremlin)";var count=document.createElement("span");
var at=t.closest(".kit-scroll")||t;at.parentNode.insertBefore(box,at);at.parentNode.insertBefore(count,at);
box.addEventListener("input",function(){filter(t,box.value,count);});filter(t,"",count);
if(t.id)boxes[t.id]=[box,count];});
function follow(){var h=decodeURIComponent(location.hash.slice(1));var m=h.match(/^find=([a-z0-9-]+):(.*)$/);
if(m&&boxes[m[1]]){var t=document.getElementById(m[1]);boxes[m[1]][0].value=m[2];filter(t,m[2],boxes[m[1]][1]);
t.scrollIntoView();return;}var row=h&&document.getElementById(h);
if(row&&row.hidden){var tb=row.closest("table");if(tb&&boxes[tb.id]){boxes[tb.id][0].value="";
filter(tb,"",boxes[tb.id][1]);row.scrollIntoView();}}}
window.addEventListener("hashchange",follow);follow();
})();
"""


def _script_hash(script: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")


def html_page(title: str, body: str, lang: str = "en") -> str:
    """A whole HTML document around ``body`` (already sanitized): the title escaped, our stylesheet and
    script inline, and a Content-Security-Policy under which nothing else runs and nothing is fetched."""
    policy = (f"default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src '{_script_hash(SCRIPT)}'; "
              "base-uri 'none'; form-action 'none'")
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{html.escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}\n"
            f"<script>{SCRIPT}</script>\n</body>\n</html>\n")
