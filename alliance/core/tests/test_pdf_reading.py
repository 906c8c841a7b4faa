"""The tests' PDF reader finds a page tree whose compressed stream happens to end with a carriage return."""

import itertools
import zlib

from alliance.core.tests.pdf_reading import page_count


def test_a_stream_whose_data_ends_with_a_carriage_return_is_read():
    body, data = next(
        (body, data)
        for number in itertools.count()
        for body in [f"<< /Type /Page /Parent 1 0 R >> % {number}".encode()]
        for data in [zlib.compress(body)]
        if data.endswith(b"\r")
    )
    pdf = b"%PDF-1.7\n5 0 obj\n<</Filter /FlateDecode>>\nstream\n" + data + b"\nendstream\nendobj\n"

    assert (zlib.decompress(data), page_count(pdf)) == (body, 1)
