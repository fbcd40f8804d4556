#!/usr/bin/env python3
"""Checks the text-size controls in a real browser (Debian's chromium), with and without JavaScript.

Usage: text_size.py BASE_URL ARTICLE_PATH
Exits 0 when every check holds; prints each failure and exits 1 otherwise.
"""
import sys
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.support.ui import WebDriverWait

BASE, ARTICLE = sys.argv[1].rstrip("/"), sys.argv[2]
URL = BASE + ARTICLE
failures = []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message)
    if not condition:
        failures.append(message)


def browser(javascript=True, default_font_size=None):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1200,900"]:
        options.add_argument(argument)
    prefs = {}
    if not javascript:
        prefs["profile.managed_default_content_settings.javascript"] = 2
    if default_font_size:
        prefs["webkit.webprefs.default_font_size"] = default_font_size
    if prefs:
        options.add_experimental_option("prefs", prefs)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    return driver


def wait(driver):
    """Waits across the form's round trip: elements of the old page go stale while the new one loads."""
    return WebDriverWait(driver, 10, ignored_exceptions=(StaleElementReferenceException, NoSuchElementException))


def body_px(driver):
    return float(driver.execute_script(
        "return parseFloat(getComputedStyle(document.querySelector('.story-body')).fontSize)"))


def label(driver):
    return driver.find_element(By.CSS_SELECTOR, "[data-text-size-label]").text


def cookie(driver):
    value = driver.get_cookie("text_size")
    return value["value"] if value else None


def button(driver, change):
    return driver.find_element(By.CSS_SELECTOR, f'form[data-text-size] button[data-change="{change}"]')


def server_html(size):
    request = urllib.request.Request(URL, headers={"Cookie": f"text_size={size}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.read().decode()


# With JavaScript: instant, no reload, same cookie.
driver = browser()
try:
    driver.get(URL)
    start = body_px(driver)
    check(abs(start - 18.0) < 0.01, f"story text starts at 1.125rem = 18px (got {start})")
    driver.execute_script("window.__sameDocument = true")
    button(driver, "larger").click()
    check(driver.execute_script("return window.__sameDocument === true"), "larger text applies without a reload")
    check(abs(body_px(driver) - start * 1.125) < 0.05, f"larger text is 112.5% (got {body_px(driver)})")
    check(label(driver) == "112.5%", f"the state shows 112.5% (got {label(driver)!r})")
    check(cookie(driver) == "112.5", f"the cookie holds 112.5 (got {cookie(driver)!r})")
    for _ in range(6):
        button(driver, "larger").click()
    check(label(driver) == "175%", "larger text stops at 175%")
    check(not button(driver, "larger").is_enabled(), "Larger text is disabled at the largest size")
    button(driver, "reset").click()
    check(label(driver) == "100%" and abs(body_px(driver) - start) < 0.01, "reset returns to 100%")
    button(driver, "smaller").click()
    check(abs(body_px(driver) - start * 0.875) < 0.05, "smaller text is 87.5%")
    check(not button(driver, "smaller").is_enabled(), "Smaller text is disabled at the smallest size")
    driver.refresh()
    check(label(driver) == "87.5%" and abs(body_px(driver) - start * 0.875) < 0.05, "the choice persists across a reload")
    names = [button(driver, c).accessible_name for c in ("smaller", "larger", "reset")]
    check(names == ["Smaller text", "Larger text", "Reset text size"], f"controls have accessible names (got {names})")
    check(len(driver.execute_script("return document.querySelectorAll('script[src^=\"http\"], link[href^=\"http\"][rel=stylesheet]')")) == 0,
          "no external scripts or stylesheets")
finally:
    driver.quit()

check('class="text-size-0"' in server_html("87.5"), "the server renders the cookie's size itself (no flash of the wrong size)")

# Without JavaScript: the form posts, the server sets the cookie and brings the reader back to the controls.
driver = browser(javascript=False)
try:
    driver.get(URL)
    start = body_px(driver)
    button(driver, "larger").click()
    wait(driver).until(lambda d: d.current_url.endswith("#article-tools"))
    check(driver.current_url == URL + "#article-tools", f"the reader returns to the same page and place (got {driver.current_url})")
    check(abs(body_px(driver) - start * 1.125) < 0.05, f"the page comes back larger (got {body_px(driver)}, was {start})")
    check(label(driver) == "112.5%", "the state shows 112.5% without JavaScript")
    check(cookie(driver) == "112.5", "the server set the same cookie")
    button(driver, "larger").click()
    wait(driver).until(lambda d: label(d) == "125%")
    check(label(driver) == "125%", "a second press goes one step further")
    button(driver, "reset").click()
    wait(driver).until(lambda d: label(d) == "100%")
    check(abs(body_px(driver) - start) < 0.01, "reset without JavaScript")
finally:
    driver.quit()

# The browser's own font setting still scales story text (sizes are in rem).
driver = browser(default_font_size=20)
try:
    driver.get(URL)
    check(abs(body_px(driver) - 22.5) < 0.05, f"with a 20px default font, story text is 22.5px (got {body_px(driver)})")
finally:
    driver.quit()

print(f"{len(failures)} failure(s)")
sys.exit(1 if failures else 0)
