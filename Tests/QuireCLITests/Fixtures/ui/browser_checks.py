"""Loads quire's web UI pages in real headless Chromium (selenium + Debian's chromedriver) and checks
what a user sees against the data Fixtures/ui/seed.py logged (see its docstring; every expected
value below is written by hand from it).

usage: browser_checks.py BASE_URL IDS_JSON OUTPUT_FOLDER

Prints one line per check, `PASS name` or `FAIL name: message`, saves a PNG screenshot of each page
(light theme, and dark through prefers-color-scheme emulation) in OUTPUT_FOLDER, and exits 1 when
any check failed, 2 when the browser cannot be started.
"""
import json
import os
import shutil
import sys
import traceback
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

BASE, IDS_PATH, OUT = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
IDS = json.load(open(IDS_PATH))
RUN = IDS["runs"]
NAME_OF = {run_id: name for name, run_id in RUN.items()}
MAIN, OTHER, DELETED = (IDS["experiments"][k] for k in ("ui-main", "ui-other", "ui-deleted"))
SVG = "{http://www.w3.org/2000/svg}"
ALL_MAIN = [f"run-{i:02d}" for i in range(30)]  # ascending by name and by acc (acc = i / 100)

try:
    from selenium import webdriver
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError as error:
    print(f"FAIL setup: selenium is missing ({error}); run `make test-deps` (selenium into .venv)")
    sys.exit(2)


def start_browser():
    chromium = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = os.environ.get("CHROMEDRIVER") or shutil.which("chromedriver")
    if not chromium or not driver_path:
        print("FAIL setup: chromium or chromedriver not found; run `make test-deps` (apt: chromium chromium-driver)")
        sys.exit(2)
    options = webdriver.ChromeOptions()
    for argument in ("--headless", "--no-sandbox", "--disable-gpu", "--window-size=1280,1000"):
        options.add_argument(argument)
    options.binary_location = chromium
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})  # console messages, for CSP reports
    driver = webdriver.Chrome(options=options, service=Service(driver_path))
    driver.set_page_load_timeout(30)
    return driver


driver = start_browser()
results = []


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def equal(actual, expected, what):
    check(actual == expected, f"{what}: expected {expected!r}, got {actual!r}")


def fetch(path):
    """(status, content type, body) of a plain GET, also for 4xx answers."""
    try:
        with urllib.request.urlopen(BASE + path, timeout=30) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read()


def q(value):
    return urllib.parse.quote(value, safe="")


def css(selector, root=None):
    return (root or driver).find_elements(By.CSS_SELECTOR, selector)


def one(selector, root=None):
    found = css(selector, root)
    check(found, f"no element matches {selector!r} on {driver.current_url}")
    return found[0]


def text(element):
    return (element.get_attribute("textContent") or "").strip()


def page_basics():
    """What every page owes a user: language, title, one main, nothing from another origin."""
    equal(driver.execute_script("return document.documentElement.lang"), "en", f"<html lang> of {driver.current_url}")
    check(driver.title.strip(), f"empty <title> on {driver.current_url}")
    equal(len(css("main")), 1, f"number of <main> on {driver.current_url}")
    foreign = driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith(location.origin))")
    equal(foreign, [], f"resources from other origins on {driver.current_url}")
    # The pages' Content-Security-Policy must not block anything they use (Chromium logs each refusal).
    refused = [entry["message"] for entry in driver.get_log("browser") if "Content Security Policy" in entry["message"]]
    equal(refused, [], f"Content-Security-Policy refusals on {driver.current_url}")


def load(path):
    driver.get(BASE + path)
    page_basics()


def navigate_by(action):
    """Runs a click or key press that leaves the page and waits for the next one."""
    old = one("html")
    action()
    WebDriverWait(driver, 15).until(expected_conditions.staleness_of(old))
    WebDriverWait(driver, 15).until(lambda d: d.execute_script("return document.readyState") == "complete")
    page_basics()


def shoot(name, dark_too=False):
    path = os.path.join(OUT, f"{name}.png")
    driver.save_screenshot(path)
    if dark_too:
        set_dark(True)
        driver.save_screenshot(os.path.join(OUT, f"{name}-dark.png"))
        set_dark(False)


def set_dark(dark):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"features": [{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}]})


def run_rows():
    return [NAME_OF.get(row.get_attribute("data-run-id"), row.get_attribute("data-run-id"))
            for row in css("#runs tbody tr[data-run-id]")]


def run_count():
    return text(one("#run-count"))


def header(key):
    return one(f'#runs thead th[data-key="{key}"]')


def cell(run_name, key):
    return text(one(f'#runs tbody tr[data-run-id="{RUN[run_name]}"] [data-key="{key}"]'))


def column_keys(prefix):
    return [th.get_attribute("data-key") for th in css("#runs thead th[data-key]")
            if th.get_attribute("data-key").startswith(prefix)]


def expected_order(aria_sort, ascending):
    check(aria_sort in ("ascending", "descending"), f"aria-sort of the sorted header is {aria_sort!r}")
    return ascending if aria_sort == "ascending" else list(reversed(ascending))


def run_check(name, body):
    try:
        body()
        results.append((name, None))
    except Exception as error:  # each failure is reported, the other checks still run
        message = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        if not isinstance(error, AssertionError):
            message = f"{type(error).__name__}: {message}"
            traceback.print_exc(file=sys.stderr)
        results.append((name, message))


# --- experiments list -------------------------------------------------------------------------


def experiments_list():
    load("/")
    shoot("experiments", dark_too=True)
    rows = {row.get_attribute("data-experiment-id"): row for row in css("#experiments tbody tr[data-experiment-id]")}
    equal(sorted(rows), sorted(["0", MAIN, OTHER]), "experiment rows (Default, ui-main, ui-other; ui-deleted hidden)")
    headers = [text(th) for th in css('#experiments thead th[scope="col"]')]
    for title in ("Name", "Runs", "Last activity"):
        check(any(title.lower() in h.lower() for h in headers), f"no column header {title!r} in {headers}")
    runs_column = next(i for i, h in enumerate(headers) if "runs" in h.lower())
    for experiment, count in ((MAIN, "30"), (OTHER, "2"), ("0", "0")):
        cells = css("td, th", rows[experiment])
        equal(text(cells[runs_column]), count, f"Runs of experiment {experiment}")
    link = one(f'a[href$="/experiments/{MAIN}"]', rows[MAIN])
    equal(text(link), "ui-main", "name link text")
    navigate_by(lambda: ActionChains(driver).move_to_element(link).click().perform())
    check(urllib.parse.urlparse(driver.current_url).path == f"/experiments/{MAIN}", f"clicking ui-main went to {driver.current_url}")
    equal(len(run_rows()), 30, "runs after following the ui-main link")


def dark_theme():
    load("/")
    light = driver.execute_script("return getComputedStyle(document.body).backgroundColor")
    set_dark(True)
    try:
        dark = driver.execute_script("return getComputedStyle(document.body).backgroundColor")
    finally:
        set_dark(False)
    check(light != dark, f"the body background is {light} in both light and dark colour schemes")


# --- runs table -------------------------------------------------------------------------------


def runs_table():
    load(f"/experiments/{MAIN}")
    shoot("runs", dark_too=True)
    equal(len(run_rows()), 30, "runs table rows")
    equal(sorted(run_rows()), ALL_MAIN, "runs in the table")
    equal(run_count(), "30", "#run-count")
    for key in ("attributes.run_name", "attributes.status", "attributes.start_time", "attributes.duration",
                "tags.mlflow.user", "tags.mlflow.source.name", "tags.mlflow.source.git.commit"):
        th = header(key)
        equal(th.get_attribute("scope"), "col", f"scope of the {key} header")
        check(css("a[href]", th), f"the {key} header has no sort link")
    equal(sorted(column_keys("params.")), ["params.batch", "params.lr", "params.optimizer"], "default param columns")
    equal(sorted(column_keys("metrics.")), ["metrics.acc", "metrics.loss"], "default metric columns")
    equal(cell("run-05", "params.lr"), "0.001", "lr of run-05")
    equal(cell("run-05", "params.optimizer"), "sgd", "optimizer of run-05")
    check(cell("run-05", "metrics.acc").startswith("0.05"), f"acc of run-05 shows {cell('run-05', 'metrics.acc')!r}, logged 0.05")
    equal(cell("run-05", "tags.mlflow.user"), "bob", "user of run-05")
    check("train.ipynb" in cell("run-05", "tags.mlflow.source.name"), "source of run-05 does not show train.ipynb")
    check(cell("run-05", "tags.mlflow.source.git.commit").startswith("3f2e1d0"), "commit of run-05 does not show 3f2e1d0…")
    check("failed" in cell("run-03", "attributes.status").lower(), f"status of run-03 shows {cell('run-03', 'attributes.status')!r}")
    check("finished" in cell("run-04", "attributes.status").lower(), f"status of run-04 shows {cell('run-04', 'attributes.status')!r}")
    row = one(f'#runs tbody tr[data-run-id="{RUN["run-05"]}"]')
    check(css(f'a[href$="/runs/{RUN["run-05"]}"]', row), "run-05's row has no link to its run page")
    check(css(f'input[type="checkbox"][name="runs"][value="{RUN["run-05"]}"]', row), "run-05's row has no compare checkbox")


def sort_by_mouse():
    load(f"/experiments/{MAIN}")
    link = one("a", header("metrics.acc"))
    navigate_by(lambda: ActionChains(driver).move_to_element(link).click().perform())
    check("order=metrics.acc" in urllib.parse.unquote(driver.current_url), f"URL after the click: {driver.current_url}")
    first = header("metrics.acc").get_attribute("aria-sort")
    equal(run_rows(), expected_order(first, ALL_MAIN), f"order by acc ({first})")
    link = one("a", header("metrics.acc"))
    navigate_by(lambda: ActionChains(driver).move_to_element(link).click().perform())
    second = header("metrics.acc").get_attribute("aria-sort")
    check(second != first, f"a second click on the acc header kept aria-sort={second!r}")
    equal(run_rows(), expected_order(second, ALL_MAIN), f"order by acc after the second click ({second})")
    shoot("runs-sorted")


def press_tab_until(script, what):
    """Tabs through the page until `script` (a JS expression on `e`, the focused element) holds."""
    driver.execute_script("document.activeElement && document.activeElement.blur(); window.focus()")
    for _ in range(200):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        if driver.execute_script(f"const e = document.activeElement; return !!(e && ({script}))"):
            return
    raise AssertionError(f"{what} is not reachable with the Tab key")


def sort_by_keyboard():
    load(f"/experiments/{MAIN}")
    press_tab_until("e.closest('th') && e.closest('th').dataset.key === 'attributes.run_name'", "the Run header's sort link")
    navigate_by(lambda: ActionChains(driver).send_keys(Keys.ENTER).perform())
    check("order=attributes.run_name" in urllib.parse.unquote(driver.current_url), f"URL after Enter: {driver.current_url}")
    aria_sort = header("attributes.run_name").get_attribute("aria-sort")
    equal(run_rows(), expected_order(aria_sort, ALL_MAIN), f"order by run name ({aria_sort})")


def filter_by_keyboard():
    load(f"/experiments/{MAIN}")
    check(css('#filter-form label[for="filter"]'), "no <label for=filter> in #filter-form")
    press_tab_until("e.id === 'filter'", "the filter box")
    typed = "attributes.status = 'FAILED'"
    ActionChains(driver).send_keys(typed).perform()
    navigate_by(lambda: ActionChains(driver).send_keys(Keys.ENTER).perform())
    equal(sorted(run_rows()), ["run-03", "run-13", "run-23"], "failed runs after typing the filter")
    equal(run_count(), "3", "#run-count of the failed runs")
    equal(one("#filter").get_attribute("value"), typed, "the filter box keeps the filter")


def filter_narrows(filter_string, expected):
    load(f"/experiments/{MAIN}?filter={q(filter_string)}")
    equal(sorted(run_rows()), expected, f"runs matching {filter_string!r}")
    equal(run_count(), str(len(expected)), f"#run-count for {filter_string!r}")
    check(not css("#filter-error"), f"#filter-error shown for the valid filter {filter_string!r}")


def filters():
    filter_narrows("params.optimizer = 'sgd'", ["run-00", "run-05", "run-10", "run-15", "run-20", "run-25"])
    filter_narrows("params.optimizer = 'sgd' OR metrics.acc >= 0.27",
                   ["run-00", "run-05", "run-10", "run-15", "run-20", "run-25", "run-27", "run-28", "run-29"])
    shoot("runs-filtered")
    filter_narrows("(params.lr = '0.1' OR params.lr = '0.01') AND params.batch = '32'",
                   ["run-00", "run-04", "run-06", "run-10", "run-12", "run-16", "run-18", "run-22", "run-24", "run-28"])


def invalid_filter():
    path = f"/experiments/{MAIN}?filter={q('metrics.acc >>> 1')}"
    status, _, _ = fetch(path)
    equal(status, 200, "status of the page with a bad filter")
    load(path)
    shoot("runs-invalid-filter")
    error = one("#filter-error")
    equal(error.get_attribute("role"), "alert", "role of #filter-error")
    check(error.is_displayed(), "#filter-error is not displayed")
    check("column" in text(error).lower(), f"#filter-error does not give the column: {text(error)!r}")
    equal(run_rows(), [], "runs table rows under a bad filter")


def pagination():
    load(f"/experiments/{MAIN}?per_page=10")
    check(one('nav.pagination').get_attribute("aria-label") == "Pages", "nav.pagination has no aria-label=Pages")
    first = run_rows()
    equal(len(first), 10, "rows on page 1 of 10 per page")
    equal(run_count(), "30", "#run-count with 10 per page")
    check(not css('nav.pagination a[rel="prev"]'), "page 1 has a prev link")
    navigate_by(lambda: one('nav.pagination a[rel="next"]').click())
    second = run_rows()
    equal(len(second), 10, "rows on page 2")
    check(css('nav.pagination a[rel="prev"]'), "page 2 has no prev link")
    navigate_by(lambda: one('nav.pagination a[rel="next"]').click())
    third = run_rows()
    equal(len(third), 10, "rows on page 3")
    check(not css('nav.pagination a[rel="next"]'), "the last page has a next link")
    equal(sorted(first + second + third), ALL_MAIN, "the three pages together")


def column_picker():
    load(f"/experiments/{MAIN}?columns={q('params.lr,metrics.acc')}")
    equal(column_keys("params."), ["params.lr"], "param columns chosen in the URL")
    equal(column_keys("metrics."), ["metrics.acc"], "metric columns chosen in the URL")
    picker = one("details#column-picker")
    one("summary", picker).click()
    boxes = {box.get_attribute("value"): box for box in css('input[type="checkbox"][name="columns"]', picker)}
    for key in ("params.batch", "params.lr", "params.optimizer", "metrics.acc", "metrics.loss"):
        check(key in boxes, f"the column picker has no checkbox for {key} (has {sorted(boxes)})")
    for key, box in boxes.items():
        if box.is_selected() != (key in ("params.batch", "metrics.loss")):
            box.click()
    submit = one('button[type="submit"], input[type="submit"], button:not([type])', picker)
    navigate_by(submit.click)
    equal(column_keys("params."), ["params.batch"], "param columns after the picker")
    equal(column_keys("metrics."), ["metrics.loss"], "metric columns after the picker")
    equal(len(run_rows()), 30, "rows after choosing columns")


# --- compare ----------------------------------------------------------------------------------


def diff_rows():
    return sorted(row.get_attribute("data-param") for row in css("#params-diff tr[data-param]"))


def compare_selected():
    load(f"/experiments/{MAIN}")
    for name in ("run-01", "run-04"):
        one(f'input[type="checkbox"][name="runs"][value="{RUN[name]}"]').click()
    box = one(f'input[type="checkbox"][name="runs"][value="{RUN["run-01"]}"]')
    form = box.find_element(By.XPATH, "./ancestor::form")
    button = next((b for b in css('button, input[type="submit"]', form)
                   if "compare" in (text(b) + (b.get_attribute("value") or "")).lower()), None)
    check(button, "no 'Compare selected' button in the runs form")
    navigate_by(button.click)
    equal(urllib.parse.urlparse(driver.current_url).path, "/compare", "page after 'Compare selected'")
    equal(diff_rows(), ["batch"], "differing params of run-01 and run-04 (lr 0.01 and optimizer adam are equal)")


def compare_page():
    load(f"/compare?runs={RUN['run-01']},{RUN['run-04']}")
    shoot("compare", dark_too=True)
    equal(diff_rows(), ["batch"], "params shown by default")
    batch = text(one('#params-diff tr[data-param="batch"]'))
    check("64" in batch and "32" in batch, f"batch row shows {batch!r}, logged 64 and 32")
    toggle = next((a for a in css("a[href]") if "all=1" in a.get_attribute("href")), None)
    check(toggle, "no link to all=1 (show equal params)")
    navigate_by(toggle.click)
    equal(diff_rows(), ["batch", "lr", "optimizer"], "params shown with all=1")
    summary = text(one("#metrics-summary"))
    for word in ("acc", "loss", "0.04", "0.01"):
        check(word in summary, f"#metrics-summary does not show {word!r}")
    for metric in ("acc", "loss"):
        figure = one(f'#charts figure[data-metric="{metric}"]')
        svg = one("svg", figure)
        equal(svg.get_attribute("data-series-count"), "2", f"data-series-count of the {metric} chart")
        equal(len(css("path.series", svg)), 2, f"path.series in the {metric} chart")
        check(css("g.legend", svg), f"the {metric} chart of two runs has no legend")
        check(text(one("figcaption", figure)), f"the {metric} figure has an empty figcaption")
        labelled = (svg.get_attribute("aria-labelledby") or "").split()
        check(labelled, f"the {metric} chart has no aria-labelledby")
        for label_id in labelled:
            check(driver.execute_script("return !!document.getElementById(arguments[0])", label_id),
                  f"aria-labelledby names a missing element {label_id!r}")
    load(f"/compare?runs={RUN['run-01']},{RUN['run-04']},{RUN['run-07']}&x=time&smooth=0.5")
    shoot("compare-time-smoothed")
    equal(one('#charts figure[data-metric="loss"] svg').get_attribute("data-series-count"), "3", "series of 3 runs on a time axis")


# --- run page ---------------------------------------------------------------------------------


def run_page():
    load(f"/runs/{RUN['run-05']}")
    shoot("run", dark_too=True)
    equal(text(one("h1")), "run-05", "<h1> of the run page")
    for section in ("overview", "params", "metrics", "tags", "notes", "artifacts"):
        one(f"section#{section}")
    overview = text(one("#overview"))
    for word in ("notebooks/train.ipynb", "3f2e1d0", "bob"):
        check(word in overview, f"#overview does not show {word!r}")
    check("finished" in overview.lower(), "#overview does not show the status FINISHED")
    params = text(one("#params"))
    for word in ("lr", "0.001", "batch", "64", "optimizer", "sgd"):
        check(word in params, f"#params does not show {word!r}")
    check(css("#params th"), "#params table has no headers")
    metrics = one("#metrics")
    check("acc" in text(metrics) and "loss" in text(metrics) and "0.05" in text(metrics), "#metrics lacks acc, loss or 0.05")
    check(len(css("svg", metrics)) >= 2, f"#metrics has {len(css('svg', metrics))} charts for 2 metrics")
    tags = one("#tags")
    check("team" in text(tags) and "vision" in text(tags), "#tags does not show team = vision")
    system = css("details", tags)
    check(system and any("mlflow.source.name" in text(d) for d in system), "system tags are not folded in a <details> in #tags")


def run_note():
    load(f"/runs/{RUN['run-05']}")
    notes = one("#notes")
    headings = [text(h) for h in css("h1, h2, h3, h4, h5, h6", notes)]
    check("Findings" in headings, f"the note's '# Findings' is not a heading (headings: {headings})")
    equal([text(s) for s in css("strong", notes)], ["best"], "bold text of the note")
    check("lr=0.01" in [text(c) for c in css("code", notes)], "the note's `lr=0.01` is not <code>")
    equal(len(css("li", notes)), 2, "list items of the note")


def note_not_executed():
    load(f"/runs/{RUN['run-05']}")
    notes = one("#notes")
    equal(driver.execute_script("return typeof window.__pwned"), "undefined", "window.__pwned after the note's <script>")
    equal(len(css("script", notes)) + len(css("img[onerror]", notes)), 0, "live <script> or onerror elements in #notes")
    check("<script>" in text(notes), "the note's <script> is not shown as text")


def open_artifact(name):
    """Follows the artifact listing's link to NAME (a file's preview or a folder's listing)."""
    link = next((a for a in css("#artifacts a[href]") if text(a).rstrip("/") == name), None)
    check(link, f"no link to the artifact {name!r} in #artifacts")
    navigate_by(link.click)


def image_size(image):
    driver.execute_script("arguments[0].scrollIntoView()", image)  # a lazy image loads when seen
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return arguments[0].complete", image))
    return driver.execute_script("return [arguments[0].naturalWidth, arguments[0].naturalHeight]", image)


def run_artifacts():
    page = f"/runs/{RUN['run-05']}"
    load(page)
    listing = text(one("#artifacts"))
    for name in ("curve.png", "summary.txt", "data"):
        check(name in listing, f"#artifacts does not list {name!r}")
    image = one("#artifacts img")
    check(image.get_attribute("alt"), "the image in the listing has no alt text")
    equal(image_size(image), [8, 6], "natural size of the curve.png image in the listing")
    open_artifact("curve.png")
    equal(image_size(one("#artifacts img")), [8, 6], "natural size of the curve.png preview")
    shoot("run-artifact-image")
    load(page)
    open_artifact("summary.txt")
    check(any("best lr was 0.01" in text(pre) for pre in css("#artifacts pre")), "summary.txt is not shown in a <pre>")
    load(page)
    open_artifact("data")
    check("table.csv" in text(one("#artifacts")), "data/table.csv is not listed in the data folder")
    open_artifact("table.csv")
    check(any("step,loss" in text(pre) for pre in css("#artifacts pre")), "table.csv is not shown in a <pre>")
    shoot("run-artifact-csv")


def nested_run():
    load(f"/runs/{RUN['run-29']}")
    equal(text(one("h1")), "run-29", "<h1> of the nested run")
    check(css(f'#overview a[href$="/runs/{RUN["run-00"]}"]'), "run-29's overview has no link to its parent run-00")


# --- charts, static files, 404 ----------------------------------------------------------------


def chart_svg():
    path = f"/runs/{RUN['run-05']}/charts/loss.svg"
    status, kind, body = fetch(path)
    equal(status, 200, f"status of {path}")
    check(kind.startswith("image/svg+xml"), f"content type {kind!r}")
    root = ET.fromstring(body)
    equal(root.tag, SVG + "svg", "root element")
    equal(root.get("role"), "img", "role of the chart")
    equal(root.get("data-series-count"), "1", "data-series-count of one run's chart")
    series = [p for p in root.iter(SVG + "path") if "series" in (p.get("class") or "").split()]
    equal(len(series), 1, "path.series in one run's chart")
    ids = {e.get("id"): e.tag for e in root.iter() if e.get("id")}
    labelled = [ids.get(i) for i in (root.get("aria-labelledby") or "").split()]
    check(SVG + "title" in labelled and SVG + "desc" in labelled, f"aria-labelledby points at {labelled}, not a <title> and a <desc>")
    for axis in ("x", "y"):
        check(any(g.get("class") == f"axis {axis}" for g in root.iter(SVG + "g")), f"no <g class='axis {axis}'>")
    check(any(e.tag == SVG + "title" for marker in root.iter() if marker is not root for e in marker), "no hover <title> on points")
    driver.get(BASE + path + "?width=400&height=200")
    shoot("chart")
    status, _, _ = fetch(path + "?x=time&smooth=0.5&width=400&height=200")
    equal(status, 200, "status of the chart on a time axis, smoothed")
    equal(fetch(f"/runs/{RUN['run-05']}/charts/nope.svg")[0], 404, "status of an unknown metric's chart")


def static_files():
    for path, kind in (("/static/quire.css", "text/css"), ("/static/quire.js", "javascript")):
        status, content_type, body = fetch(path)
        equal(status, 200, f"status of {path}")
        check(kind in content_type, f"{path} served as {content_type!r}")
        check(body.strip(), f"{path} is empty")


def not_found():
    for path in ("/runs/0123456789abcdef0123456789abcdef", f"/experiments/{DELETED}999"):
        status, kind, _ = fetch(path)
        equal(status, 404, f"status of {path}")
        check(kind.startswith("text/html"), f"{path} answered {kind!r}, not an HTML page")
    load("/runs/0123456789abcdef0123456789abcdef")
    shoot("not-found")
    check(css('main a[href="/"]'), "the 404 page has no link home")
    check(text(one("main")), "the 404 page has no message")


def mlflow_links():
    """The mlflow client prints MLflow UI links (http://HOST/#/experiments/E/runs/R): they open here."""
    for link, path in ((f"/#/experiments/{MAIN}/runs/{RUN['run-05']}", f"/runs/{RUN['run-05']}"),
                       (f"/#/experiments/{MAIN}", f"/experiments/{MAIN}")):
        driver.get(BASE + link)
        WebDriverWait(driver, 15).until(lambda d: urllib.parse.urlparse(d.current_url).path == path)
        page_basics()


CHECKS = [experiments_list, dark_theme, runs_table, sort_by_mouse, sort_by_keyboard, filter_by_keyboard, filters,
          invalid_filter, pagination, column_picker, compare_selected, compare_page, run_page, run_note, note_not_executed,
          run_artifacts,
          nested_run, chart_svg, static_files, not_found, mlflow_links]

try:
    os.makedirs(OUT, exist_ok=True)
    for body in CHECKS:
        run_check(body.__name__, body)
finally:
    driver.quit()
for name, failure in results:
    print(f"PASS {name}" if failure is None else f"FAIL {name}: {failure}")
print(f"screenshots: {OUT}")
sys.exit(1 if any(failure for _, failure in results) else 0)
