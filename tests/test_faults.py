"""Faults, races and hostile files: what happens when the system does not cooperate.

Publishing is tested at two levels: the staging steps directly (deterministic, with a
failure or a real kill injected at every step of the swap) and whole ``mkdocs build``
processes (two at once, a linked site folder, a dirty build after a change of
audience). Reading is tested with links that leave the project, files that are no
regular file and, as a user without the right to read them, unreadable files and
folders. Every test also checks that no traceback reaches the user.
"""

from __future__ import annotations

import errno
import hashlib
import html
import json
import os
import re
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from speelveld import staging
from speelveld.cli import main
from speelveld.compare import VersionNotFound, version
from speelveld.pipeline import check
from speelveld.staging import PublishError, SiteLock, Staging
from speelveld.suggest import Suggestions

from .conftest import BASE
from .test_site import INTERNAL_MEASURE, MKDOCS_YML

TOKEN = "geheim-TOKEN-8f3a"
NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--inh-caps=-all"]
ENVIRONMENT = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def fingerprint(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def no_traceback(*outputs: str) -> None:
    for output in outputs:
        assert "Traceback" not in output, output


# --- The staging steps, one build simulated by writing files -------------------------------


def site_with(folder: Path, marker: str, pages: int = 20) -> dict[str, str]:
    """Fill ``folder`` with a site of ``pages`` pages that each name ``marker``."""
    for number in range(pages):
        page = folder / f"pagina-{number}" / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(f"<h1>{marker} {number}</h1>", "utf-8")
    return fingerprint(folder)


def publish(site: Path, marker: str, **options: Any) -> dict[str, str]:
    """One build that publishes: lock, stage, write, swap; the fingerprint it published."""
    build = Staging(site, strict=False, **options)
    written = site_with(build.stage(), marker)
    build.finish()
    return written


@pytest.fixture
def old_site(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    site = tmp_path / "site"
    return site, publish(site, "oud")


def beside_site(site: Path) -> list[str]:
    """What lies next to the site folder, other than the site itself."""
    return sorted(p.name for p in site.parent.iterdir() if p.name != site.name)


def test_a_build_publishes_whole_and_leaves_nothing_beside(old_site) -> None:
    site, old = old_site
    new = publish(site, "nieuw")
    assert new != old
    assert fingerprint(site) == new
    assert beside_site(site) == []


def test_a_failed_exchange_keeps_the_old_site(old_site, monkeypatch) -> None:
    site, old = old_site

    def busy(first: Path, second: Path) -> None:
        raise OSError(errno.EBUSY, "Device or resource busy", str(second))

    monkeypatch.setattr(staging, "exchange", busy)
    build = Staging(site, strict=False)
    site_with(build.stage(), "nieuw")
    with pytest.raises(PublishError, match="de vorige site staat er nog ongewijzigd"):
        build.finish()
    assert fingerprint(site) == old
    assert beside_site(site) == []
    assert not build.lock.held


def test_where_folders_cannot_be_exchanged_two_renames_publish(old_site, monkeypatch) -> None:
    site, _ = old_site

    def unsupported(first: Path, second: Path) -> None:
        raise OSError(errno.ENOSYS, "Function not implemented")

    monkeypatch.setattr(staging, "exchange", unsupported)
    new = publish(site, "nieuw")
    assert fingerprint(site) == new
    assert beside_site(site) == []


def test_a_failed_second_rename_puts_the_old_site_back(old_site, monkeypatch) -> None:
    site, old = old_site
    renames: list[tuple[Path, Path]] = []

    def unsupported(first: Path, second: Path) -> None:
        raise OSError(errno.EINVAL, "Invalid argument")

    def rename(source: Path, destination: Path) -> None:
        renames.append((source, destination))
        if len(renames) == 2:
            raise OSError(errno.EBUSY, "Device or resource busy", str(destination))
        os.rename(source, destination)

    monkeypatch.setattr(staging, "exchange", unsupported)
    monkeypatch.setattr(staging, "rename", rename)
    build = Staging(site, strict=False)
    site_with(build.stage(), "nieuw")
    with pytest.raises(PublishError, match="is in gebruik"):
        build.finish()
    assert len(renames) == 3  # aside, the failed one, and back
    assert fingerprint(site) == old
    assert beside_site(site) == []


def test_a_build_that_fails_while_writing_keeps_the_old_site(old_site) -> None:
    site, old = old_site
    build = Staging(site, strict=False)
    site_with(build.stage(), "half")
    build.discard()  # what on_build_error does
    assert fingerprint(site) == old
    assert beside_site(site) == []


def test_a_strict_build_with_a_warning_does_not_publish(old_site) -> None:
    site, old = old_site
    counter = staging.WarningCounter()
    try:
        build = Staging(site, strict=True, warnings=counter)
        site_with(build.stage(), "nieuw")
        staging.log.warning("een waarschuwing")
        build.finish()
    finally:
        counter.close()
    assert fingerprint(site) == old
    assert beside_site(site) == []


#: Where a build is killed, the seam that dies there, and which site the path then holds.
KILLS = [
    ("before the exchange", "exchange", 1, False, "oud"),
    ("after the exchange, before the old site is removed", "_remove", 1, False, "nieuw"),
    ("before the first rename", "rename", 1, True, "oud"),
    ("between the two renames", "rename", 2, True, None),
    ("after the renames, before the old site is removed", "_remove", 1, True, "nieuw"),
]


def killed_while_publishing(site: Path, seam: str, call: int, renames_only: bool) -> int:
    """Publish "nieuw" in a child process that is killed (SIGKILL) at ``call`` of ``seam``."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            original = getattr(staging, seam)
            calls = [0]

            def dying(*args: Any) -> Any:
                calls[0] += 1
                if calls[0] == call:
                    os.kill(os.getpid(), signal.SIGKILL)
                return original(*args)

            setattr(staging, seam, dying)
            if renames_only:

                def unsupported(first: Path, second: Path) -> None:
                    raise OSError(errno.ENOSYS, "Function not implemented")

                staging.exchange = unsupported
            publish(site, "nieuw")
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


@pytest.mark.posix
@pytest.mark.parametrize(("moment", "seam", "call", "renames_only", "shown"), KILLS)
def test_a_build_killed_at_any_step_of_the_swap(
    old_site, moment: str, seam: str, call: int, renames_only: bool, shown: str | None
) -> None:
    site, old = old_site
    assert killed_while_publishing(site, seam, call, renames_only) == -signal.SIGKILL, moment
    published = fingerprint(site) if site.exists() else None
    if shown == "oud":
        assert published == old
    elif shown == "nieuw":
        assert published is not None
        assert published != old
        assert len(published) == len(old)
        assert all("nieuw" in (site / p).read_text("utf-8") for p in published)
    else:  # only where folders cannot be exchanged: the next build puts the old site back
        assert published is None
    # The next build recovers what the killed one left, before it writes anything.
    after = Staging(site, strict=False)
    assert fingerprint(site) in (old, published)
    assert beside_site(site) == [".site.speelveld-slot"]  # its own lock, nothing else
    site_with(after.stage(), "volgende")
    after.finish()
    assert all("volgende" in (site / p).read_text("utf-8") for p in fingerprint(site))
    assert beside_site(site) == []


def test_the_lock_lets_one_build_publish_at_a_time(tmp_path: Path) -> None:
    site = tmp_path / "site"
    first = Staging(site, strict=False)
    with pytest.raises(PublishError, match="een andere bouw publiceert al"):
        Staging(site, strict=False, wait=0.3)
    order: list[str] = []

    def second_build() -> None:
        build = Staging(site, strict=False, wait=30)
        order.append("tweede begint")
        site_with(build.stage(), "tweede")
        build.finish()

    waiting = threading.Thread(target=second_build)
    waiting.start()
    time.sleep(0.5)
    assert order == []  # still waiting for the first
    site_with(first.stage(), "eerste")
    first.finish()
    order.append("eerste klaar")
    waiting.join(timeout=30)
    assert order == ["eerste klaar", "tweede begint"]
    assert all("tweede" in (site / p).read_text("utf-8") for p in fingerprint(site))
    assert beside_site(site) == []


def test_a_lock_folder_removed_while_it_is_made_is_waited_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The holder removes the lock folder between mkdir's two looks (the folder exists,
    then is no folder): the waiting build tries again rather than failing."""
    site = tmp_path / "site"
    lock = SiteLock(site)
    made = os.mkdir
    vanished = []

    def mkdir_as_the_holder_leaves(path: Any, mode: int = 0o777) -> None:
        if Path(path) == lock.folder and not vanished:
            vanished.append(path)
            raise FileExistsError(errno.EEXIST, "File exists", str(path))
        made(path, mode)

    monkeypatch.setattr(os, "mkdir", mkdir_as_the_holder_leaves)
    lock.acquire(5)
    assert vanished == [lock.folder]
    assert lock.held
    lock.release()


def test_something_else_where_the_lock_folder_goes_is_an_error(tmp_path: Path) -> None:
    site = tmp_path / "site"
    lock = SiteLock(site)
    lock.folder.parent.mkdir(parents=True, exist_ok=True)
    lock.folder.write_text("geen map", "utf-8")
    with pytest.raises(PublishError):
        lock.acquire(5)


def test_the_lock_of_a_killed_build_is_free(tmp_path: Path) -> None:
    site = tmp_path / "site"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from speelveld.staging import SiteLock;"
            "SiteLock(Path(sys.argv[1])).acquire(5); print('vast', flush=True); time.sleep(60)",
            str(site),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "vast"
    with pytest.raises(PublishError):
        SiteLock(site).acquire(0.3)
    holder.kill()
    holder.wait()
    lock = SiteLock(site)
    lock.acquire(0.3)
    assert lock.held
    lock.release()


@pytest.mark.posix
def test_a_linked_site_is_published_where_it_points(tmp_path: Path) -> None:
    root = tmp_path / "webroot" / "speelveld"
    root.mkdir(parents=True)
    site = tmp_path / "project" / "site"
    site.parent.mkdir()
    site.symlink_to(root)
    first = publish(site, "eerste")
    second = publish(site, "tweede")
    assert site.is_symlink()
    assert os.readlink(site) == str(root)
    assert fingerprint(root) == second != first
    assert sorted(p.name for p in root.parent.iterdir()) == ["speelveld"]
    assert sorted(p.name for p in site.parent.iterdir()) == ["site"]


def test_a_site_path_that_is_a_file_is_refused_in_dutch(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.write_text("geen map", "utf-8")
    with pytest.raises(PublishError, match="bestaat en is geen map"):
        Staging(site, strict=False)
    assert site.read_text("utf-8") == "geen map"


# --- Whole builds ---------------------------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "project"
    shutil.copytree(BASE, folder)
    (folder / "docs").mkdir()
    (folder / "mkdocs.yml").write_text(MKDOCS_YML, "utf-8")
    return folder


def mkdocs(project: Path, *args: str, **environment: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", *args],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**ENVIRONMENT, **environment},
    )


def finished(process: subprocess.Popen[str]) -> tuple[int, str]:
    _, err = process.communicate(timeout=300)
    no_traceback(err)
    return process.returncode, err


def test_two_builds_at_once_publish_one_whole_site(project: Path) -> None:
    assert finished(mkdocs(project))[0] == 0
    single = set(fingerprint(project / "site"))
    index = project / "site" / "index.html"
    missing: list[float] = []
    stop = threading.Event()

    def watch() -> None:  # a reader of the site, as a web server is
        while not stop.is_set():
            if not index.exists():
                missing.append(time.monotonic())
            time.sleep(0.001)

    watcher = threading.Thread(target=watch)
    watcher.start()
    # The test holds the lock, so that both builds certainly overlap and wait.
    lock = SiteLock(project / "site")
    lock.acquire(5)
    builds = [mkdocs(project), mkdocs(project)]
    time.sleep(1.5)
    assert [b.poll() for b in builds] == [None, None]
    lock.release()
    results = [finished(b) for b in builds]
    stop.set()
    watcher.join()
    assert [status for status, _ in results] == [0, 0], [err for _, err in results]
    assert all("deze bouw wacht" in err for _, err in results)
    assert set(fingerprint(project / "site")) == single
    assert missing == []
    assert not [p.name for p in project.iterdir() if p.name.startswith(".site")]


@pytest.mark.posix
def test_a_linked_site_folder_stays_a_link_through_builds(project: Path, tmp_path: Path) -> None:
    webroot = tmp_path / "www" / "speelveld"
    webroot.mkdir(parents=True)
    (project / "site").symlink_to(webroot)
    for _ in range(2):
        assert finished(mkdocs(project, "--strict"))[0] == 0
    assert (project / "site").is_symlink()
    assert (webroot / "maatregelen" / "testservice" / "index.html").is_file()
    assert sorted(p.name for p in webroot.parent.iterdir()) == ["speelveld"]


def test_a_dirty_build_after_a_change_of_audience_is_built_whole(project: Path) -> None:
    (project / "measures" / "geheime-proef.yml").write_text(INTERNAL_MEASURE, "utf-8")
    page = project / "site" / "maatregelen" / "geheime-proef" / "index.html"
    status, _ = finished(mkdocs(project, "--dirty", SPEELVELD_INTERNAL="1"))
    assert status == 0
    assert page.is_file()
    status, err = finished(mkdocs(project, "--dirty"))
    assert status == 0
    assert "niet gebouwd voor dit publiek (openbaar)" in err
    assert not page.exists()
    assert "Geheime proef" not in (project / "site" / "index.html").read_text("utf-8")
    # The same audience again: a dirty build in place, as MkDocs makes it.
    status, err = finished(mkdocs(project, "--dirty"))
    assert status == 0
    assert "niet gebouwd voor dit publiek" not in err


def test_a_site_name_with_markup_is_refused_and_keeps_the_site(project: Path) -> None:
    assert finished(mkdocs(project, "--strict"))[0] == 0
    before = fingerprint(project / "site")
    hostile = json.dumps("Site <script>window.pwned=1</script>")
    (project / "mkdocs.yml").write_text(
        MKDOCS_YML.replace("site_name: Nachtleven", f"site_name: {hostile}"), "utf-8"
    )
    status, err = finished(mkdocs(project, "--strict"))
    assert status == 1
    assert "speelveld: site_name in mkdocs.yml bevat < of >" in err
    assert fingerprint(project / "site") == before


#: Everything a site name may hold that HTML gives a meaning: shown as typed, run nowhere.
TYPED_NAME = "Zorg & \"Wel\" 'zijn' &lt;img src=x onerror=alert(1)&gt;"


def test_a_site_name_is_shown_as_typed_in_the_theme(project: Path) -> None:
    config = MKDOCS_YML.replace("site_name: Nachtleven", f"site_name: {json.dumps(TYPED_NAME)}")
    (project / "mkdocs.yml").write_text(config, "utf-8")
    assert finished(mkdocs(project, "--strict"))[0] == 0
    escaped = html.escape(TYPED_NAME, quote=True)
    home = (project / "site" / "index.html").read_text("utf-8")
    assert f"<title>Home - {escaped}</title>" in home
    assert f'title="{escaped}"' in home  # once, also where the theme adds | e itself
    header = home.split('<span class="md-ellipsis">', 1)[1].split("</span>", 1)[0]
    assert html.unescape(header.strip()) == TYPED_NAME
    for page in (project / "site").rglob("*.html"):
        text = page.read_text("utf-8")
        assert "<img src=x" not in text, page
        assert "&amp;amp;" not in text, page


def test_code_spans_show_what_was_typed(project: Path) -> None:
    measure = project / "measures" / "testservice.yml"
    measure.write_text(
        measure.read_text("utf-8").replace(
            "summary: Bezoekers kunnen drugs anoniem laten testen.",
            "summary: 'Typ `<b>code</b>` of `{ .klasse }` en `*ster*`; <i>niet</i>'",
        ),
        "utf-8",
    )
    assert finished(mkdocs(project, "--strict"))[0] == 0
    page = (project / "site" / "maatregelen" / "testservice" / "index.html").read_text("utf-8")
    codes = [html.unescape(c) for c in re.findall(r"<code>(.*?)</code>", page)]
    assert codes[:3] == ["<b>code</b>", "{ .klasse }", "*ster*"]
    assert "&lt;i&gt;niet&lt;/i&gt;" in page
    assert "<b>code" not in page
    assert "&amp;lt;" not in page


# --- Nothing outside the project is read ----------------------------------------------------


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder beside the project holding a secret in every form the project could read."""
    folder = tmp_path / "buiten"
    folder.mkdir()
    (folder / "speelveld.yml").write_text(f"max_file_bytes: {TOKEN}\n", "utf-8")
    (folder / "geheim.yml").write_text(f"title: {TOKEN}\nsummary: {TOKEN}\n", "utf-8")
    partners = folder / "stakeholders"
    shutil.copytree(BASE / "stakeholders", partners)
    (partners / "ggd.yml").write_text(f"name: {TOKEN}\nsector: zorg\n", "utf-8")
    return folder


LINKS = {
    "speelveld.yml": "speelveld.yml",
    "stakeholders": "stakeholders",
    "measures/geheim.yml": "geheim.yml",
}


@pytest.mark.posix
@pytest.mark.parametrize("link", list(LINKS))
def test_a_link_out_of_the_project_is_never_read(project: Path, outside: Path, link: str) -> None:
    target = project / link
    if target.is_dir():
        shutil.rmtree(target)
    target.symlink_to(outside / LINKS[link])
    for format_ in ("github", "json", "text", "sarif", "junit"):
        result = CliRunner().invoke(main, ["check", str(project), "--format", format_])
        assert TOKEN not in result.output, format_
        no_traceback(result.output)
    checked = CliRunner().invoke(main, ["check", str(project), "--format", "json"])
    report = json.loads(checked.output)
    ignored = [f for f in report["findings"] if f["code"] == "ignored-file"]
    assert [f["path"].rstrip("/") for f in ignored] == [link]
    assert "naar buiten het project" in ignored[0]["message"]
    _, err = finished(mkdocs(project))
    assert TOKEN not in err
    if (project / "site").exists():
        assert TOKEN not in "".join(
            p.read_text("utf-8", errors="replace") for p in (project / "site").rglob("*.html")
        )


@pytest.mark.parametrize(
    ("make", "kind"),
    [
        pytest.param(lambda p: os.mkfifo(p), "een named pipe (FIFO)", marks=pytest.mark.posix),
        (os.mkdir, "een map"),
    ],
)
def test_a_configuration_that_is_no_file_is_an_error(
    project: Path, make: Callable[[Path], None], kind: str
) -> None:
    make(project / "speelveld.yml")
    result = subprocess.run(
        [sys.executable, "-m", "speelveld", "check", str(project)],
        capture_output=True,
        text=True,
        timeout=60,  # a FIFO is never opened to wait for a writer
        check=False,
    )
    assert result.returncode == 1
    assert f"speelveld.yml:1:1: fout yaml-syntax speelveld.yml is {kind}" in result.stdout
    no_traceback(result.stdout, result.stderr)


def _device(path: Path) -> None:
    """A character device like /dev/null; only a privileged user may make one."""
    try:
        os.mknod(path, stat.S_IFCHR | 0o600, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("only root can make a device file here")


def _socket(path: Path) -> None:
    with socket.socket(socket.AF_UNIX) as listening:
        listening.bind(str(path))


def _loop(path: Path) -> None:
    path.with_name("kring.yml").symlink_to(path.name)
    path.symlink_to("kring.yml")


#: Every kind of entry that is neither a file nor a folder, and the words that name it.
SPECIAL = {
    "fifo": (lambda p: os.mkfifo(p), ["dit is een named pipe (FIFO)"]),
    "socket": (_socket, ["dit is een socket"]),
    "device": (_device, ["dit is een apparaat"]),
    "dangling-link": (
        lambda p: p.symlink_to("weg.yml"),
        ["dit is een symbolische link naar 'weg.yml', dat niet bestaat"],
    ),
    "link-loop": (_loop, ["naar zichzelf wijst (een kring)"] * 2),
}


@pytest.mark.posix
@pytest.mark.parametrize("special", list(SPECIAL))
@pytest.mark.parametrize("name", ["extra.yml", "extra"])
def test_an_entry_that_is_no_file_is_one_error_that_names_it(
    project: Path, special: str, name: str
) -> None:
    make, words = SPECIAL[special]
    make(project / "measures" / name)
    result = subprocess.run(
        [sys.executable, "-m", "speelveld", "check", str(project), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=60,  # a FIFO is never opened to wait for a writer
        check=False,
    )
    no_traceback(result.stdout, result.stderr)
    assert result.returncode == 1
    findings = json.loads(result.stdout)["findings"]
    about = [f for f in findings if f["path"].startswith("measures/")]
    assert [(f["code"], f["severity"], f["line"], f["column"]) for f in about] == [
        ("yaml-syntax", "error", 1, 1)
    ] * len(words)
    for finding, said in zip(about, words, strict=True):
        assert said in finding["message"]
        assert "geen gewoon bestand" in finding["message"]
        assert "rechten" not in finding["message"]


def test_a_folder_that_vanishes_while_read_is_a_finding(project: Path, monkeypatch) -> None:
    from speelveld import loader

    real_scandir = os.scandir

    def vanishing(path: Any) -> Any:
        if str(path).endswith("measures"):
            raise FileNotFoundError(errno.ENOENT, "No such file or directory", str(path))
        return real_scandir(path)

    monkeypatch.setattr(loader.os, "scandir", vanishing)
    result = CliRunner().invoke(main, ["check", str(project)])
    assert result.exit_code == 1
    assert "measures/:1:1: fout yaml-syntax de map kan niet worden gelezen: bestaat niet" in (
        result.output
    )


def test_an_unforeseen_os_error_is_one_dutch_line(project: Path, monkeypatch) -> None:
    def failing(*args: Any, **kwargs: Any) -> Any:
        raise OSError(errno.EIO, "Input/output error", "measures/x.yml")

    monkeypatch.setattr("speelveld.pipeline.check", failing)
    result = CliRunner().invoke(main, ["check", str(project)])
    assert result.exit_code == 2
    assert "speelveld: kan niet verder: 'measures/x.yml': een leesfout van de schijf" in (
        result.output
    )


# --- As a user without the right to read ---------------------------------------------------


@pytest.fixture
def shared() -> Iterator[Path]:
    """A folder another user can read (pytest's own temporary folders are private)."""
    folder = Path(tempfile.mkdtemp(prefix="speelveld-fouten-"))
    folder.chmod(0o755)
    yield folder
    for path in [folder, *folder.rglob("*")]:
        if not path.is_symlink():
            path.chmod(0o777)
    shutil.rmtree(folder)


def as_other_user(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """``command`` as a user that the permissions apply to, also when the tests run as root."""
    prefix: list[str] = []
    if os.geteuid() == 0:
        assert shutil.which("setpriv"), "setpriv (util-linux) is needed to test as another user"
        prefix = NOBODY
    return subprocess.run(
        [*prefix, *command],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**ENVIRONMENT, "HOME": str(cwd)},
    )


#: What is made unreadable, how, and what the check then says about it.
UNREADABLE = [
    ("measures/testservice.yml", 0o000, "measures/testservice.yml:1:1: fout yaml-syntax"),
    ("measures", 0o000, "measures/:1:1: fout yaml-syntax de map kan niet worden gelezen"),
    ("measures", 0o644, "measures/cameratoezicht.yml:1:1: fout yaml-syntax"),  # no x
    ("speelveld.yml", 0o000, "speelveld.yml:1:1: fout yaml-syntax het bestand kan niet"),
]


@pytest.mark.posix
@pytest.mark.parametrize(("path", "mode", "said"), UNREADABLE)
def test_an_unreadable_path_is_a_finding_and_keeps_the_site(
    shared: Path, path: str, mode: int, said: str
) -> None:
    project = shared / "project"
    shutil.copytree(BASE, project)
    (project / "docs").mkdir()
    (project / "mkdocs.yml").write_text(MKDOCS_YML, "utf-8")
    (project / "speelveld.yml").write_text(
        "rules: {domain-underserved: {min_domain_share: 0.1}}\n", "utf-8"
    )
    out = shared / "uit"
    out.mkdir()
    out.chmod(0o777)
    mkdocs_build = [sys.executable, "-m", "mkdocs", "build", "-d", str(out / "site")]
    first = as_other_user(mkdocs_build, project)
    assert first.returncode == 0, first.stderr
    before = fingerprint(out / "site")
    (project / path).chmod(mode)

    checked = as_other_user([sys.executable, "-m", "speelveld", "check", "."], project)
    assert checked.returncode == 1
    assert said in checked.stdout
    assert "kan niet worden gelezen" in checked.stdout
    no_traceback(checked.stdout, checked.stderr)

    built = as_other_user(mkdocs_build, project)
    assert built.returncode == 1
    assert "kan niet worden gelezen" in built.stderr
    no_traceback(built.stdout, built.stderr)
    assert fingerprint(out / "site") == before
    assert sorted(p.name for p in out.iterdir()) == ["site"]


@pytest.mark.posix
def test_a_site_folder_without_write_access_is_a_dutch_message(shared: Path) -> None:
    project = shared / "project"
    shutil.copytree(BASE, project)
    (project / "docs").mkdir()
    (project / "mkdocs.yml").write_text(MKDOCS_YML, "utf-8")
    out = shared / "uit"  # no one but root may write here
    out.mkdir()
    out.chmod(0o555)
    built = as_other_user(
        [sys.executable, "-m", "mkdocs", "build", "-d", str(out / "site")], project
    )
    assert built.returncode == 1
    assert f"speelveld: kan de sitemap vergrendelen in {out}" in built.stderr
    assert "geen toegang" in built.stderr
    no_traceback(built.stdout, built.stderr)
    assert list(out.iterdir()) == []


# --- Revisions --------------------------------------------------------------------------------


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(repo), "-c", "user.email=t@example.org", "-c", "user.name=T", *args],
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repository(tmp_path: Path, outside: Path) -> Path:
    """A repository whose project (in beleid/) has an absolute link out, a relative link
    in, and a first commit from before the project existed."""
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q")
    (root / "README.md").write_text("# Repository\n", "utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "begin")
    git(root, "tag", "leeg")
    project = root / "beleid"
    shutil.copytree(BASE, project)
    (project / "measures" / "geheim.yml").symlink_to(outside / "geheim.yml")
    (project / "measures" / "ook-testservice.yml").symlink_to("testservice.yml")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "v1")
    git(root, "tag", "v1")
    return project


@pytest.mark.posix
def test_a_revision_with_links_is_read_as_its_working_tree(repository: Path) -> None:
    with version("v1", repository) as folder:
        assert (folder / "measures" / "geheim.yml").is_symlink()
        assert (folder / "measures" / "ook-testservice.yml").resolve().parent == (
            folder / "measures"
        ).resolve()
        findings = check(folder).findings
    ignored = [f for f in findings if f.code == "ignored-file"]
    assert [f.path for f in ignored] == ["measures/geheim.yml"]
    assert TOKEN not in " ".join(f.message for f in findings)
    result = CliRunner().invoke(main, ["diff", "v1", "--project", str(repository)])
    assert result.exit_code == 0, result.output
    assert TOKEN not in result.output
    no_traceback(result.output)


@pytest.mark.posix
def test_a_revision_without_the_project_is_explained_in_dutch(repository: Path) -> None:
    with (
        pytest.raises(VersionNotFound, match="in revisie 'leeg' bestond de projectmap beleid"),
        version("leeg", repository),
    ):
        raise AssertionError("a revision without the project was exported")
    result = CliRunner().invoke(main, ["diff", "leeg", "--project", str(repository)])
    assert result.exit_code == 2
    assert "speelveld: in revisie 'leeg' bestond de projectmap beleid nog niet" in result.output


@pytest.mark.posix
def test_the_changes_page_compares_with_a_revision_holding_a_link(repository: Path) -> None:
    (repository / "docs").mkdir()
    (repository / "mkdocs.yml").write_text(MKDOCS_YML, "utf-8")
    (repository / "speelveld.yml").write_text("compare_with: v1\n", "utf-8")
    status, err = finished(mkdocs(repository))
    assert status == 0, err
    page = (repository / "site" / "wijzigingen" / "index.html").read_text("utf-8")
    assert "kon niet worden gemaakt" not in page
    assert TOKEN not in page


# --- Input too large to describe -------------------------------------------------------------


def test_a_file_of_unknown_keys_gets_at_most_a_hundred_findings(project: Path, monkeypatch) -> None:
    measure = project / "measures" / "testservice.yml"
    text = measure.read_text("utf-8").split("effects:")[0]
    text += "effects:\n" + "".join(  # the same unknown key 'rol' in three places
        f"  {domain}: {{score: 0, rol: x}}\n" for domain in ("veiligheid", "gezondheid", "economie")
    )
    keys = "".join(f"onbekend_{n:04d}: x\n" for n in range(150))
    measure.write_text(text + keys, "utf-8")
    looked_up: list[str] = []
    original = Suggestions._nearest

    def counted(self: Suggestions, word: str) -> str | None:
        looked_up.append(word)
        return original(self, word)

    monkeypatch.setattr(Suggestions, "_nearest", counted)
    result = CliRunner().invoke(main, ["check", str(project), "--format", "json"])
    findings = [
        f for f in json.loads(result.output)["findings"] if f["path"] == "measures/testservice.yml"
    ]
    assert len(findings) == 101
    assert len([f for f in findings if "onbekend veld" in f["message"]]) == 100
    more = [f for f in findings if "en nog 53 fouten tegen het schema" in f["message"]]
    assert len(more) == 1
    assert looked_up.count("rol") == 1  # three times unknown, looked up once
    assert len(looked_up) == len(set(looked_up))


def test_suggestions_find_one_edit_among_many_and_skip_very_long_words() -> None:
    ids = [f"partner-{n}" for n in range(20_000)]
    suggestions = Suggestions(ids)
    assert suggestions.nearest("partner-1234x") == "partner-1234"
    assert suggestions.nearest("partenr-77") == "partner-77"
    assert suggestions.nearest("x" * 100_000) is None


def test_a_file_of_unknown_references_gets_at_most_a_hundred_findings(project: Path) -> None:
    """The cap holds for every kind of input finding, not only for the schema's."""
    measure = project / "measures" / "testservice.yml"
    text = measure.read_text("utf-8").replace(
        "instruments:\n  - voorlichting\n",
        "instruments:\n" + "".join(f"  - onbekend-{n:03d}\n" for n in range(130)),
    )
    assert "onbekend-129" in text
    measure.write_text(text, "utf-8")
    result = CliRunner().invoke(main, ["check", str(project), "--format", "json"])
    findings = [
        f for f in json.loads(result.output)["findings"] if f["path"] == "measures/testservice.yml"
    ]
    assert len(findings) == 101
    (more,) = [f for f in findings if f["message"].startswith("en nog ")]
    assert "en nog 30 invoerfouten in dit bestand" in more["message"]
