"""Throughput of search_form (MB/s of UTF-8 input) beside a bare NFKC+casefold baseline.

Run: PYTHONPATH=. python bench/normaliser.py [--mb 4] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import time
import unicodedata
from collections.abc import Callable

from archive.searchform import search_form

PARAGRAPHS = [
    # Persian news prose, with ZWNJ, detached affixes, Persian digits and Arabic yeh/kaf variants.
    "پنجمین کنفرانس بین‌المللی شهرهای یادگیرنده یونسکو در شهر یونسو کره جنوبی برگزار شد که "
    "بزرگ‌ترین گردهمایی حضوری شهرداران و متخصصین شهرهای یادگیرنده جهان محسوب می‌شود.",
    "به گزارش صبح ساحل، شهردار بندرخمیر در حاشیه این کنفرانس با شهرداران شهرهای اوسان و سونگدو "
    "گفتگو کرد و فعالیت های این شهر مورد توجه جامعه جهانی قرار گرفته است. ۱۴۰۲/۰۵/۱۰",
    "وزير نيرو گفت كه مصرف برق در تابستان امسال نسبت به سال گذشته ۱۲ درصد افزايش داشته و "
    "نيروگاه ها با تمام ظرفيت كار مي كنند تا خاموشي ها كمتر شود.",
    "کتاب‌های تازه‌ای که در نمایشگاه عرضه شده‌اند نشان می‌دهند ناشران به آثار کودک و نوجوان "
    "توجه بیش تری نشان داده اند؛ خانهٔ کتاب این آمار را منتشر کرده است.",
    # Arabic prose with harakat, hamza forms, teh marbuta and Arabic-Indic digits.
    "أعلنت وزارة الصحة في المملكة العربية السعودية اليوم عن تسجيل ٣٤٥ حالة جديدة، وقالت إنّ الوضع "
    "الوبائي مستقرّ في معظم المناطق التي شهدت ارتفاعًا في الأسبوع الماضي.",
    "قَالَ رَئِيسُ الوُزَرَاءِ إِنَّ الحُكُومَةَ سَتُواصِلُ دَعْمَ المُؤَسَّسَاتِ الصَّغِيرَةِ وَالمُتَوَسِّطَةِ خِلَالَ العَامِ المُقْبِلِ.",
    # English and mixed-script text.
    "The provincial government said on Monday that the new port terminal in Bandar Abbas would "
    "handle 2.5 million containers a year once the second phase is complete.",
    "Hormozgan's governor met UNESCO officials; the Learning Cities network (GNLC) lists Bandar "
    "Khamir among its 2020 members — «شهر یادگیرنده» in Persian reports.",
]


def corpus(megabytes: float, seed: int = 1) -> list[str]:
    """Article-sized texts (8-30 paragraphs each) totalling about `megabytes` of UTF-8."""
    rng = random.Random(seed)
    texts: list[str] = []
    size = 0
    while size < megabytes * 1_000_000:
        text = "\n".join(rng.choice(PARAGRAPHS) for _ in range(rng.randint(8, 30)))
        texts.append(text)
        size += len(text.encode("utf-8"))
    return texts


def baseline(text: str) -> str:
    """Bare reference: what any Unicode-aware normaliser does at least."""
    return unicodedata.normalize("NFKC", text).casefold()


def throughput(fn: Callable[[str], str], texts: list[str], repeat: int) -> float:
    """Best-of-`repeat` MB/s of `fn` over `texts`."""
    size = sum(len(t.encode("utf-8")) for t in texts) / 1_000_000
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for text in texts:
            fn(text)
        best = min(best, time.perf_counter() - start)
    return size / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=4.0, help="corpus size in MB of UTF-8")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts = corpus(args.mb)
    base = throughput(baseline, texts, args.repeat)
    ours = throughput(search_form, texts, args.repeat)
    print(f"corpus: {len(texts)} texts, {args.mb:.1f} MB")
    print(f"baseline NFKC+casefold: {base:8.1f} MB/s")
    print(f"search_form:            {ours:8.1f} MB/s")
    print(f"search_form / baseline: {ours / base:.2f}x")


if __name__ == "__main__":
    main()
