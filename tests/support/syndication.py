"""Syndicated news: wire stories republished by other sites, distinct stories on the same topics.

Each copy is what republishing sites do to a wire story: a new headline, the attribution of the
first sentence rewritten (and often more of the lead), the site's own tail, sometimes a paragraph
cut or a figure corrected. `PAIRS` lists every pair of articles that are copies of one story; every
other pair of articles is distinct, including stories on the same topic (the same port, the same
heat wave) and two stories that share one site's long boilerplate tail.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations


@dataclass(frozen=True)
class Story:
    """One article as one site published it."""

    key: str  # story id + site, unique
    site: str
    language: str
    title: str
    paragraphs: tuple[str, ...]
    published: str
    story: str  # the story it tells: articles with the same story are copies of each other

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)

    @property
    def path(self) -> str:
        return f"/news/{self.key}"


@dataclass
class Copy:
    """How a site republished a story."""

    site: str
    title: str
    published: str
    lead: str | None = None  # replaces the first paragraph
    tail: tuple[str, ...] = ()
    drop: tuple[int, ...] = ()  # paragraphs cut (indexes into the original)
    edits: tuple[tuple[str, str], ...] = field(default_factory=tuple)


SITES = {"irna": "fa", "sobhesahel": "fa", "jonoubnews": "fa",
         "gulfwire": "en", "coastdaily": "en", "porttimes": "en"}

# --- Persian wire stories ------------------------------------------------------------------------

FA_SHRIMP = (
    "به گزارش خبرگزاری جمهوری اسلامی از بوشهر، مدیرکل شیلات استان بوشهر روز شنبه اعلام کرد فصل صید میگو در آب‌های "
    "این استان از بیستم مهرماه آغاز می‌شود و تا پایان آبان ادامه خواهد داشت.",
    "علی‌رضا حسینی در نشست خبری با اصحاب رسانه افزود: امسال یک هزار و ۲۰۰ فروند شناور صیادی مجوز صید میگو دریافت "
    "کرده‌اند و پیش‌بینی می‌شود بیش از چهار هزار تن میگو از آب‌های استان صید شود.",
    "وی با اشاره به اینکه گشت‌های دریایی در طول فصل صید فعال خواهند بود، گفت: صید در مناطق ممنوعه و استفاده از تورهای "
    "غیرمجاز تخلف محسوب می‌شود و با متخلفان برابر قانون برخورد خواهد شد.",
    "مدیرکل شیلات بوشهر ادامه داد: بازارچه‌های عرضه مستقیم میگو در بندر دیلم، بندر گناوه و بندر کنگان از ابتدای فصل "
    "فعال می‌شوند تا صیادان بتوانند محصول خود را بدون واسطه به فروش برسانند.",
    "حسینی همچنین از پرداخت تسهیلات کم‌بهره به صیادان برای نوسازی شناورها خبر داد و گفت: تاکنون ۳۵۰ صیاد درخواست "
    "خود را ثبت کرده‌اند و بانک‌های عامل پرونده‌ها را بررسی می‌کنند.",
    "استان بوشهر با بیش از ۹۰۰ کیلومتر نوار ساحلی یکی از قطب‌های اصلی صید و پرورش میگو در کشور است و سالانه بخش "
    "قابل توجهی از میگوی صادراتی کشور از این استان تامین می‌شود.",
)

FA_HOSPITAL = (
    "به گزارش خبرگزاری جمهوری اسلامی از بندرعباس، بیمارستان ۲۲۰ تختخوابی خلیج فارس صبح امروز با حضور وزیر بهداشت، "
    "درمان و آموزش پزشکی و استاندار هرمزگان به بهره‌برداری رسید.",
    "رئیس دانشگاه علوم پزشکی هرمزگان در این مراسم گفت: ساخت این بیمارستان از سال ۱۳۹۴ آغاز شده بود و با اعتباری بالغ "
    "بر چهار هزار میلیارد ریال به پایان رسید.",
    "وی افزود: این مرکز درمانی دارای بخش‌های اورژانس، جراحی قلب، دیالیز، مراقبت‌های ویژه نوزادان و ۱۲ اتاق عمل مجهز "
    "است و خدمات آن به ساکنان شرق استان و جزایر نیز ارائه خواهد شد.",
    "به گفته رئیس دانشگاه، برای راه‌اندازی کامل بیمارستان به ۶۰۰ نیروی درمانی نیاز است که تاکنون ۴۲۰ نفر از طریق "
    "آزمون استخدامی جذب شده‌اند و بقیه تا پایان سال به کار گرفته می‌شوند.",
    "وزیر بهداشت نیز در این مراسم با اشاره به کمبود تخت بیمارستانی در استان‌های جنوبی گفت: سرانه تخت در هرمزگان "
    "کمتر از میانگین کشوری است و ساخت دو بیمارستان دیگر در میناب و قشم در دستور کار قرار دارد.",
    "استاندار هرمزگان هم از خیران سلامت که در تجهیز این بیمارستان مشارکت داشتند قدردانی کرد و گفت: بخشی از تجهیزات "
    "پزشکی این مرکز با کمک خیران و صنایع مستقر در استان خریداری شده است.",
)

FA_WATER = (
    "به گزارش خبرگزاری جمهوری اسلامی از کیش، مدیرعامل شرکت آب و فاضلاب استان هرمزگان از کاهش ۳۰ درصدی ذخایر "
    "سدهای استان نسبت به سال گذشته خبر داد و از مردم خواست در مصرف آب صرفه‌جویی کنند.",
    "وی گفت: بارندگی‌های پاییز و زمستان گذشته کمتر از نصف میانگین بلندمدت بوده و حجم آب سد استقلال میناب اکنون به "
    "کمترین میزان در ده سال اخیر رسیده است.",
    "مدیرعامل آبفای هرمزگان افزود: برای جبران کمبود، ظرفیت آب‌شیرین‌کن‌های بندرعباس و قشم افزایش یافته و دو دستگاه "
    "آب‌شیرین‌کن سیار نیز در روستاهای شرق استان مستقر شده است.",
    "وی ادامه داد: در ساعات اوج مصرف فشار آب در برخی مناطق بندرعباس کاهش می‌یابد اما برنامه‌ای برای جیره‌بندی آب "
    "شرب وجود ندارد و تانکرهای سیار به مناطق مرتفع شهر آب‌رسانی می‌کنند.",
    "به گفته این مسئول، مصرف سرانه آب در هرمزگان بیش از ۲۵۰ لیتر در شبانه‌روز است که با الگوی مصرف فاصله زیادی دارد "
    "و نصب کاهنده‌های مصرف در ادارات و مدارس آغاز شده است.",
)

FA_QUAKE = (
    "به گزارش خبرگزاری جمهوری اسلامی از بوشهر، زمین‌لرزه‌ای به بزرگی ۵.۱ ریشتر بامداد امروز حوالی شهر کاکی در "
    "استان بوشهر را لرزاند و در شهرهای دشتی، دیر و جم نیز احساس شد.",
    "مدیرکل مدیریت بحران استان بوشهر گفت: بر اساس گزارش‌های اولیه این زمین‌لرزه تلفات جانی نداشته و تنها به چند "
    "منزل قدیمی در روستاهای اطراف کاکی خسارت جزئی وارد شده است.",
    "وی افزود: تیم‌های ارزیاب هلال احمر و بنیاد مسکن به منطقه اعزام شده‌اند و بررسی خسارت‌ها ادامه دارد؛ تاکنون هفت "
    "پس‌لرزه با بزرگی کمتر از سه ریشتر ثبت شده است.",
    "به گفته این مسئول، آب، برق و گاز در منطقه قطع نشده و مدارس شهرستان کاکی امروز طبق برنامه دایر هستند، اما به "
    "ساکنان توصیه شده از ورود به ساختمان‌های آسیب‌دیده خودداری کنند.",
    "استان بوشهر در سال‌های اخیر چندین زمین‌لرزه با بزرگی بیش از پنج ریشتر را تجربه کرده و کارشناسان بر لزوم مقاوم‌سازی "
    "خانه‌های روستایی در این منطقه تاکید دارند.",
)

# --- English wire stories ------------------------------------------------------------------------

EN_PORT = (
    "BANDAR ABBAS (GulfWire) - Container traffic through Shahid Rajaee port rose 14 percent in the first six months "
    "of the year, the Ports and Maritime Organization said on Sunday, as shipping lines added new services to the "
    "Persian Gulf.",
    "The port handled about 1.3 million twenty-foot equivalent units between March and September, up from 1.14 "
    "million a year earlier, the organization's regional director told reporters at a news conference in the city.",
    "He said two new berths opened in the spring had cut the average waiting time for container ships from three "
    "days to less than a day, and that a third berth would be finished before the end of the year.",
    "Transit cargo bound for Central Asia accounted for much of the growth, the director said, after a new rail link "
    "allowed containers to leave the port by train instead of by truck.",
    "Shipping agents in the city welcomed the figures but said customs clearance still took too long, with some "
    "importers waiting more than two weeks for paperwork to be processed.",
    "Shahid Rajaee, about 20 kilometres west of Bandar Abbas, is the country's largest container port and handles "
    "more than half of its container trade.",
)

EN_HEAT = (
    "AHVAZ (GulfWire) - Temperatures in the southwestern province of Khuzestan passed 50 degrees Celsius on Tuesday "
    "for the third day in a row, forcing offices and banks to close early and straining the power grid.",
    "The provincial government said state offices would close at 10 a.m. until Thursday, and hospitals reported a "
    "rise in patients treated for heat exhaustion, most of them construction and farm workers.",
    "The regional electricity company said demand had reached a record 9,000 megawatts and announced rolling "
    "two-hour power cuts in residential areas of Ahvaz, Dezful and Abadan during the hottest hours of the day.",
    "Residents complained that the cuts were announced at short notice, leaving families without air conditioning "
    "in the middle of the afternoon, while shopkeepers said they had lost perishable goods.",
    "Meteorologists expect the heat wave to ease slightly at the weekend, when winds from the north are forecast to "
    "bring temperatures down to around 46 degrees.",
)

EN_FISH = (
    "BUSHEHR (GulfWire) - Fishing for kingfish and tuna will be banned in the waters of Bushehr province for two "
    "months from the middle of next month to protect spawning stocks, the provincial fisheries department said.",
    "The ban covers the coastal waters from Genaveh to Deyr and applies to all trawlers and gillnet boats, the "
    "department's director said, adding that coast guard patrols would be stepped up during the closed season.",
    "Fishermen who respect the ban will receive compensation payments from a government insurance fund, he said, "
    "although several fishing cooperatives said last year's payments had arrived months late.",
    "Catches of kingfish in the Persian Gulf have fallen by about a third over the past decade, according to the "
    "fisheries research institute, which blames overfishing and the use of illegal fine-mesh nets.",
    "The department said it had seized more than 200 illegal nets since the start of the year and fined the owners "
    "of 45 boats caught fishing in protected areas.",
)


def _fa(key: str, site: str, title: str, paragraphs: tuple[str, ...], published: str) -> Story:
    return Story(key, site, "fa", title, paragraphs, published, story=key)


def _en(key: str, site: str, title: str, paragraphs: tuple[str, ...], published: str) -> Story:
    return Story(key, site, "en", title, paragraphs, published, story=key)


ORIGINALS = [
    _fa("shrimp", "irna", "آغاز فصل صید میگو در آب‌های بوشهر از ۲۰ مهر", FA_SHRIMP, "2024-10-05T09:10:00+03:30"),
    _fa("hospital", "irna", "بیمارستان ۲۲۰ تختخوابی خلیج فارس بندرعباس افتتاح شد", FA_HOSPITAL,
        "2024-10-06T11:00:00+03:30"),
    _fa("water", "sobhesahel", "ذخایر سدهای هرمزگان ۳۰ درصد کاهش یافت", FA_WATER, "2024-10-07T08:20:00+03:30"),
    _fa("quake", "irna", "زمین‌لرزه ۵.۱ ریشتری کاکی را لرزاند", FA_QUAKE, "2024-10-08T04:40:00+03:30"),
    _en("port", "gulfwire", "Container traffic at Shahid Rajaee port up 14 percent", EN_PORT,
        "2024-10-06T07:00:00+00:00"),
    _en("heat", "gulfwire", "Khuzestan swelters above 50C, offices close early", EN_HEAT, "2024-07-16T09:30:00+00:00"),
    _en("fish", "coastdaily", "Two-month fishing ban to protect kingfish stocks in Bushehr", EN_FISH,
        "2024-10-09T12:00:00+00:00"),
]

COPIES: dict[str, list[Copy]] = {
    "shrimp": [
        Copy("sobhesahel", "صید میگو در بوشهر از هفته آینده آغاز می‌شود", "2024-10-05T10:30:00+03:30",
             lead="به گزارش صبح ساحل به نقل از ایرنا، مدیرکل شیلات استان بوشهر اعلام کرد فصل صید میگو در آب‌های "
                  "این استان از بیستم مهرماه آغاز می‌شود و تا پایان آبان ادامه خواهد داشت.",
             tail=("انتهای پیام/",)),
        Copy("jonoubnews", "۱۲۰۰ شناور صیادی آماده صید میگو شدند", "2024-10-05T13:05:00+03:30",
             lead="به گزارش جنوب نیوز، فصل صید میگو در آب‌های استان بوشهر از بیستم مهرماه آغاز می‌شود؛ مدیرکل "
                  "شیلات استان این خبر را روز شنبه اعلام کرد و گفت صید تا پایان آبان ادامه دارد.",
             tail=("کانال جنوب نیوز را در پیام‌رسان‌ها دنبال کنید.",), drop=(5,)),
    ],
    "hospital": [
        Copy("sobhesahel", "افتتاح بزرگترین بیمارستان شرق هرمزگان با حضور وزیر بهداشت", "2024-10-06T12:10:00+03:30",
             lead="به گزارش صبح ساحل، بیمارستان ۲۲۰ تختخوابی خلیج فارس بندرعباس صبح امروز با حضور وزیر بهداشت و "
                  "استاندار هرمزگان افتتاح شد.",
             tail=("خبرنگار: مریم رئیسی", "انتهای پیام/")),
        Copy("jonoubnews", "بیمارستان خلیج فارس پس از ۹ سال افتتاح شد", "2024-10-06T15:45:00+03:30",
             tail=("منبع: ایرنا",),
             edits=(("۴۲۰ نفر", "۴۳۰ نفر"), ("خبرگزاری جمهوری اسلامی", "جنوب نیوز به نقل از ایرنا"))),
    ],
    "water": [
        Copy("irna", "هشدار آبفای هرمزگان درباره کاهش ذخایر سدها", "2024-10-07T10:00:00+03:30",
             lead="به گزارش خبرگزاری جمهوری اسلامی به نقل از صبح ساحل، مدیرعامل شرکت آب و فاضلاب استان هرمزگان "
                  "از کاهش ۳۰ درصدی ذخایر سدهای استان نسبت به سال گذشته خبر داد و از مردم خواست در مصرف آب "
                  "صرفه‌جویی کنند.",
             tail=("انتهای پیام",)),
    ],
    "quake": [
        Copy("sobhesahel", "زلزله کاکی خسارت جانی نداشت", "2024-10-08T06:15:00+03:30",
             lead="به گزارش صبح ساحل به نقل از ایرنا، زمین‌لرزه‌ای به بزرگی ۵.۱ ریشتر بامداد امروز حوالی شهر کاکی "
                  "در استان بوشهر را لرزاند و در شهرهای دشتی، دیر و جم هم احساس شد.",
             tail=("انتهای پیام/",)),
        Copy("jonoubnews", "زمین‌لرزه کاکی؛ هفت پس‌لرزه ثبت شد", "2024-10-08T07:30:00+03:30",
             tail=("عکس: آرشیو",), drop=(4,),
             edits=(("خبرگزاری جمهوری اسلامی", "جنوب نیوز"),)),
    ],
    "port": [
        Copy("porttimes", "Shahid Rajaee container volumes jump as new berths open", "2024-10-06T10:20:00+00:00",
             lead="Container traffic through Shahid Rajaee port, the country's busiest, rose 14 percent in the "
                  "first six months of the year, the Ports and Maritime Organization said on Sunday, as shipping "
                  "lines added new services to the Persian Gulf.",
             tail=("Reporting by GulfWire; additional reporting by Port Times staff.",)),
        Copy("coastdaily", "Port traffic rises on Central Asia transit", "2024-10-06T16:00:00+00:00",
             lead="BANDAR ABBAS - Container traffic through Shahid Rajaee port rose 14 percent in the first six "
                  "months of the year, the Ports and Maritime Organization said on Sunday.",
             tail=("(GulfWire)", "Follow Coast Daily on Telegram and Instagram for the latest news."),
             edits=(("1.14 million", "1.15 million"),)),
    ],
    "heat": [
        Copy("coastdaily", "Offices shut as Khuzestan heat passes 50 degrees", "2024-07-16T12:00:00+00:00",
             lead="AHVAZ - Temperatures in Khuzestan province passed 50 degrees Celsius on Tuesday for the third "
                  "day in a row, forcing offices and banks to close early and straining the power grid.",
             tail=("This story was first published by GulfWire.",)),
        Copy("porttimes", "Power cuts in Ahvaz as demand hits record", "2024-07-16T14:30:00+00:00",
             drop=(4,), tail=("- GulfWire",)),
    ],
    "fish": [
        Copy("gulfwire", "Bushehr bans kingfish and tuna fishing for two months", "2024-10-09T15:00:00+00:00",
             lead="BUSHEHR (GulfWire) - Fishing for kingfish and tuna will be banned in the waters of Bushehr "
                  "province for two months from mid-November to protect spawning stocks, the provincial fisheries "
                  "department said, according to Coast Daily.",
             tail=("Editing by the GulfWire desk.",)),
    ],
}

# --- distinct stories on the same topics -----------------------------------------------------------

DISTINCT = [
    _fa("shrimp-farm", "jonoubnews", "پرورش میگو در دلوار رونق گرفت", (
        "به گزارش جنوب نیوز، مدیر شیلات شهرستان تنگستان گفت امسال ۱۸۰ هکتار از مزارع پرورش میگو در سایت دلوار "
        "زیر کشت رفته و پیش‌بینی می‌شود برداشت محصول از اواخر مهرماه آغاز شود.",
        "وی افزود: بیشتر پرورش‌دهندگان امسال از لارو میگوی سفید غربی استفاده کرده‌اند که رشد سریع‌تری دارد و در "
        "برابر بیماری لکه سفید مقاوم‌تر است.",
        "به گفته این مسئول، کمبود برق در ماه‌های گرم سال مشکل اصلی مزارع بوده و پرورش‌دهندگان برای روشن نگه داشتن "
        "هواده‌ها ناچار به استفاده از موتور برق دیزلی شده‌اند.",
        "مدیر شیلات تنگستان با اشاره به صادرات میگوی پرورشی به کشورهای همسایه گفت: قیمت هر کیلوگرم میگو در مزرعه "
        "امسال نسبت به سال گذشته حدود ۲۰ درصد افزایش یافته است.",
        "وی از صیادان و پرورش‌دهندگان خواست برای دریافت بیمه محصول تا پایان شهریور به اداره شیلات مراجعه کنند.",
    ), "2024-10-04T09:00:00+03:30"),
    _fa("hospital-qeshm", "sobhesahel", "کلنگ بیمارستان جدید قشم به زمین زده شد", (
        "به گزارش صبح ساحل، عملیات ساخت بیمارستان ۱۵۰ تختخوابی قشم امروز با حضور مدیرعامل سازمان منطقه آزاد و "
        "مسئولان دانشگاه علوم پزشکی هرمزگان آغاز شد.",
        "مدیرعامل منطقه آزاد قشم گفت: ساکنان جزیره برای جراحی‌های تخصصی ناچارند به بندرعباس بروند و این بیمارستان "
        "با بخش‌های زنان، اطفال و جراحی عمومی بخشی از این مشکل را حل می‌کند.",
        "وی افزود: اعتبار مرحله نخست ساخت از محل درآمدهای منطقه آزاد تامین شده و پیش‌بینی می‌شود بیمارستان ظرف سه "
        "سال آماده بهره‌برداری شود.",
        "رئیس دانشگاه علوم پزشکی هرمزگان نیز گفت: تامین نیروی متخصص برای جزایر همیشه دشوار بوده و برای پزشکانی که "
        "در قشم خدمت کنند مزایای ویژه در نظر گرفته شده است.",
        "بیمارستان فعلی قشم تنها ۴۰ تخت دارد و در فصل گردشگری پاسخگوی نیاز مسافران و ساکنان جزیره نیست.",
    ), "2024-10-06T10:00:00+03:30"),
    _en("port-strike", "porttimes", "Truck drivers' strike slows cargo at Bandar Abbas", (
        "BANDAR ABBAS - Hundreds of truck drivers stopped work at Shahid Rajaee port on Monday to protest against low "
        "freight rates and rising fuel costs, leaving containers piling up on the quays.",
        "Drivers gathered outside the port's main gate and said the rates set by the road transport authority had "
        "not kept up with the price of tyres and spare parts, which have doubled in a year.",
        "Port officials said loading of export cargo continued normally but that the removal of import containers "
        "had slowed, and that some shipping lines had warned of storage charges.",
        "The road transport authority said it would meet representatives of the drivers on Wednesday and was "
        "considering a rise in freight rates of about 25 percent.",
        "Similar strikes spread to several cities three years ago, when drivers stayed off the roads for more than "
        "a week before the government agreed to raise rates.",
    ), "2024-10-07T08:00:00+00:00"),
    _en("heat-bushehr", "coastdaily", "Bushehr hospitals treat dozens for heat stroke", (
        "BUSHEHR - Hospitals in Bushehr treated more than 60 people for heat stroke over the weekend as humidity "
        "above 80 percent made the heat in the port city almost unbearable, health officials said.",
        "Most of the patients were labourers working outdoors at construction sites and in the port, the head of "
        "the provincial emergency service said, urging employers to stop outdoor work at midday.",
        "The provincial governor ordered offices to close at noon and asked the electricity company to avoid power "
        "cuts near hospitals and water pumping stations.",
        "Temperatures in Bushehr reached 47 degrees on Saturday, lower than in Khuzestan, but humidity from the "
        "Persian Gulf pushed the heat index above 60.",
        "Forecasters said the humid conditions would continue for at least another week.",
    ), "2024-07-17T09:00:00+00:00"),
]

# --- two different stories sharing one site's long boilerplate tail --------------------------------

LONG_TAIL = (
    "صبح ساحل، روزنامه صبح استان هرمزگان، از سال ۱۳۸۲ به صاحب امتیازی و مدیرمسئولی موسسه فرهنگی مطبوعاتی ساحل "
    "منتشر می‌شود و هر روز به جز جمعه‌ها و تعطیلات رسمی در بندرعباس، قشم، کیش، میناب و بندر لنگه توزیع می‌گردد.",
    "برای اشتراک نسخه چاپی و الکترونیکی روزنامه، ثبت آگهی‌های تجاری و آگهی‌های مناقصه و مزایده، و ارسال اخبار و "
    "گزارش‌های مردمی با دفتر مرکزی روزنامه در بندرعباس، بلوار امام خمینی، ساختمان مطبوعات تماس بگیرید یا به پایگاه "
    "اینترنتی روزنامه مراجعه کنید.",
    "نقل مطالب این پایگاه با ذکر منبع آزاد است؛ مسئولیت مطالب منتشر شده در بخش دیدگاه‌ها بر عهده نویسندگان آنهاست و "
    "صبح ساحل در انتشار یا عدم انتشار نظرات مخاطبان آزاد است.",
)

TAIL_PAIR = [
    _fa("festival", "sobhesahel", "جشنواره فیلم کوتاه هرمزگان برندگان خود را شناخت", (
        "به گزارش صبح ساحل، آیین پایانی نهمین جشنواره فیلم کوتاه هرمزگان شب گذشته در تالار فرهنگ بندرعباس برگزار شد "
        "و فیلم «موج» ساخته یک کارگردان جوان قشمی جایزه بهترین فیلم را گرفت.",
        "دبیر جشنواره گفت: امسال ۲۱۰ فیلم به دبیرخانه رسید که ۴۸ اثر به بخش مسابقه راه یافت و بیشتر آثار به زندگی "
        "مردم سواحل و جزایر پرداخته بودند.",
        *LONG_TAIL,
    ), "2024-10-03T21:00:00+03:30"),
    _fa("traffic", "sobhesahel", "محدودیت ترافیکی بلوار ساحلی بندرعباس تا پایان هفته", (
        "به گزارش صبح ساحل، رئیس پلیس راهور هرمزگان اعلام کرد به دلیل عملیات آسفالت، بلوار ساحلی بندرعباس از "
        "میدان صیاد تا اسکله شهید باهنر تا پایان هفته از ساعت ۲۲ تا ۶ صبح مسدود است.",
        "وی از رانندگان خواست در این ساعات از بلوار امام خمینی و خیابان شهید رجایی استفاده کنند و گفت ماموران "
        "پلیس در تقاطع‌های اصلی مستقر خواهند بود.",
        *LONG_TAIL,
    ), "2024-10-04T18:00:00+03:30"),
]

# --- a short item two sites print word for word: under 50 words, never matched ----------------------

SHORT = [
    _fa(f"short-{site}", site, "قطعی برق در بندرعباس", (
        "به گزارش روابط عمومی شرکت توزیع برق، برق برخی محله‌های بندرعباس فردا از ساعت ۹ تا ۱۱ برای تعمیرات قطع "
        "می‌شود.",
    ), "2024-10-08T18:00:00+03:30") for site in ("sobhesahel", "jonoubnews")
]


def _copy(original: Story, copy: Copy, number: int) -> Story:
    paragraphs = [p for i, p in enumerate(original.paragraphs) if i not in copy.drop]
    if copy.lead is not None:
        paragraphs[0] = copy.lead
    text_paragraphs = []
    for paragraph in paragraphs:
        for old, new in copy.edits:
            paragraph = paragraph.replace(old, new)
        text_paragraphs.append(paragraph)
    return Story(f"{original.key}-{number}-{copy.site}", copy.site, original.language, copy.title,
                 (*text_paragraphs, *copy.tail), copy.published, story=original.story)


def articles() -> list[Story]:
    """Every fixture article, in the order a crawl of the sites would archive them (by publication)."""
    stories = list(ORIGINALS)
    for original in ORIGINALS:
        stories += [_copy(original, c, n) for n, c in enumerate(COPIES.get(original.key, []), 1)]
    stories += DISTINCT + TAIL_PAIR
    stories += [Story(s.key, s.site, s.language, s.title, s.paragraphs, s.published, story=s.key) for s in SHORT]
    return sorted(stories, key=lambda s: s.published)


def copy_pairs(stories: list[Story]) -> set[frozenset[str]]:
    """Pairs of article keys that tell the same story (the short items are excluded: too short to match)."""
    pairs = set()
    for a, b in combinations(stories, 2):
        if a.story == b.story and not a.key.startswith("short-"):
            pairs.add(frozenset((a.key, b.key)))
    return pairs
