"""A datatrove pipeline step that cleans documents with `clean`.

All documents of a task stream through ONE `clean -z` process: a writer
thread sends each document's text NUL-terminated, the step reads the
cleaned records back in order and sets `doc.text`. Counted in the step's
stats: `kept`, `dropped_empty` (with drop_empty=True; otherwise an empty
document is kept with empty text).

    from clean_step import CleanStep
    pipeline = [JsonlReader("in/"), CleanStep("/abs/path/clean"), JsonlWriter("out/")]

A failing `clean` raises, which fails the datatrove task.
"""
import collections
import subprocess
import threading

from datatrove.data import DocumentsPipeline
from datatrove.pipeline.base import PipelineStep


class CleanStep(PipelineStep):
    name = "🧹 clean"
    type = "✂️ - FORMAT"

    def __init__(self, clean_path: str, args=(), drop_empty: bool = False):
        super().__init__()
        self.clean_path = clean_path
        self.args = list(args)
        self.drop_empty = drop_empty

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        proc = subprocess.Popen([self.clean_path, "-z", "--no-progress", *self.args],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        sent = collections.deque()
        lock = threading.Lock()
        failure = []

        def feed():
            try:
                for doc in data:
                    with lock:
                        sent.append(doc)
                    proc.stdin.write(doc.text.encode("utf-8").replace(b"\0", b"") + b"\0")
            except BrokenPipeError:
                pass
            except Exception as e:  # surfaced after the reader finishes
                failure.append(e)
            finally:
                proc.stdin.close()

        writer = threading.Thread(target=feed, daemon=True)
        writer.start()
        buf = b""
        while True:
            chunk = proc.stdout.read1(1 << 16)
            if not chunk:
                break
            buf += chunk
            *records, buf = buf.split(b"\0")
            for rec in records:
                with lock:
                    doc = sent.popleft()
                with self.track_time():
                    doc.text = rec.decode("utf-8", "replace")
                if not doc.text and self.drop_empty:
                    self.stat_update("dropped_empty")
                    continue
                self.stat_update("kept")
                yield doc
        writer.join()
        err = proc.stderr.read().decode("utf-8", "replace")
        code = proc.wait()
        if failure:
            raise failure[0]
        if code != 0 or sent or buf:
            raise RuntimeError(f"clean failed (exit {code}): {err.strip()}")
