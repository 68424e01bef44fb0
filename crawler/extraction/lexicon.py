"""Multilingual lexicon of the words that open or make up boilerplate around news articles.

Entries are generic phrases of each language (what any site in it would print), never strings of a
particular site. They are matched on whole folded lines (see ``textnorm.line_key``), so an entry
only fires on a line that *is* that phrase, e.g. a heading «اخبار مرتبط» or "Read more", not on a
sentence that happens to contain the words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .textnorm import line_key

# Headings after which a list of other articles (or tags, or share buttons) follows.
_RELATED_HEADINGS = """
related|related stories|related articles|related news|related posts|related content|related coverage|
related links|related topics|related reading|related video|related videos|more related|
read more|read also|also read|read next|up next|what to read next|more to read|keep reading|
more stories|more news|more articles|more from|more on this|more on this story|more on this topic|
more in|more like this|more top stories|other news|in other news|also in the news|elsewhere|
latest|latest news|latest stories|latest articles|latest headlines|latest posts|recent posts|
recent articles|recent news|top stories|top news|most read|most popular|most viewed|most shared|
popular|popular now|popular stories|trending|trending now|trending stories|editor's picks|
editors' picks|recommended|recommended for you|recommended stories|recommended articles|
we recommend|you may also like|you might also like|you may like|you might like|
you may also be interested in|you might be interested in|suggested|suggested reading|
suggested articles|don't miss|do not miss|must read|see also|further reading|more reading|
tags|tagged|topics|filed under|categories|share|share this|share this article|share this story|
share on|sharing is caring|newsletter|subscribe|sponsored|sponsored content|promoted stories|
advertisement|from the web|around the web|from our partners|partner content|more videos|
آخرین خبرها|آخرین اخبار|آخرین مطالب|تازه ترین اخبار|تازه ترین خبرها|تازه ها|اخبار مرتبط|
خبرهای مرتبط|مطالب مرتبط|مطالب پیشنهادی|اخبار پیشنهادی|پیشنهاد سردبیر|پیشنهاد ما|مطالب مشابه|
اخبار مشابه|پربازدیدترین|پربازدیدترین ها|پربازدیدترین اخبار|پربازدید ترین|پربحث ترین|پربحث ترین ها|
پربیننده ترین|داغ ترین|منتخب|برگزیده|برگزیده ها|سایر اخبار|اخبار بیشتر|مطالب بیشتر|بیشتر بخوانید|
همچنین بخوانید|بخوانید|ببینید|برچسب ها|برچسب|کلمات کلیدی|کلید واژه|کلیدواژه ها|موضوعات|
اشتراک گذاری|اشتراک گذاری مطلب|به اشتراک بگذارید|پیوند کوتاه|لینک کوتاه|اخبار روز|
اقرا ایضا|اقرا المزید|اخبار ذات صله|اخبار متعلقه|مواضیع ذات صله|مقالات ذات صله|ذات صله|
مواضیع متعلقه|مواضیع مشابهه|مقالات مشابهه|اخبار مشابهه|الاکثر قراءه|الاکثر مشاهده|الاکثر تداولا|
الاکثر شعبیه|اخر الاخبار|اخر الاخبار العاجله|احدث الاخبار|احدث المقالات|اخبار اخری|المزید من الاخبار|
قد یعجبک ایضا|قد یهمک ایضا|قد یهمک|ننصحک بقراءه|شاهد ایضا|طالع ایضا|اقرا ایضا علی|الوسوم|
الکلمات المفتاحیه|کلمات دلالیه|کلمات مفتاحیه|شارک|شارک المقال|شارک الخبر|مشارکه|تابعونا|
mehr zum thema|siehe auch|lesen sie auch|lesen sie dazu|lesen sie mehr|auch interessant|
das könnte sie auch interessieren|das könnte dich auch interessieren|das könnte sie interessieren|
weitere artikel|weitere nachrichten|weitere meldungen|weitere themen|mehr themen|mehr artikel|
mehr nachrichten|mehr aus|mehr dazu|ähnliche artikel|ähnliche themen|verwandte artikel|
verwandte themen|meistgelesen|meistgelesene artikel|meistgelesene|am meisten gelesen|beliebt|
empfehlungen|unsere empfehlungen|neueste artikel|neueste beiträge|aktuelle nachrichten|
auch lesen|weiterlesen|schlagwörter|schlagworte|stichwörter|themen|teilen|artikel teilen|
lire aussi|à lire aussi|a lire aussi|voir aussi|à voir aussi|sur le même sujet|sur le même thème|
articles similaires|articles liés|articles connexes|dans la même rubrique|les plus lus|
les plus populaires|à découvrir aussi|a découvrir aussi|à découvrir|nos derniers articles|
derniers articles|dernières actualités|vous aimerez aussi|vous aimerez aussi aimer|
vous pourriez aussi aimer|mots clés|mots-clés|partager|partager cet article|
ver también|vea también|lee también|lea también|leer también|lee más|leer más|
noticias relacionadas|artículos relacionados|notas relacionadas|contenido relacionado|relacionadas|
relacionados|te puede interesar|le puede interesar|también te puede interesar|
también le puede interesar|te recomendamos|le recomendamos|más noticias|más sobre|más leídas|
lo más leído|lo más visto|lo más popular|últimas noticias|etiquetas|temas|compartir|
leia também|leia mais|veja também|veja mais|saiba mais|notícias relacionadas|
matérias relacionadas|artigos relacionados|mais lidas|mais lidos|mais vistos|últimas notícias|
você pode gostar|você também pode gostar|compartilhe|compartilhar|
leggi anche|leggi pure|vedi anche|potrebbe interessarti|ti potrebbe interessare|
potrebbe interessarti anche|articoli correlati|notizie correlate|correlati|i più letti|più letti|
ultime notizie|ultimi articoli|condividi|argomenti|
lees ook|lees meer|meer over|meer nieuws|gerelateerde artikelen|gerelateerd|meest gelezen|
ook interessant|deel dit artikel|delen|
czytaj też|czytaj także|czytaj również|czytaj więcej|zobacz też|zobacz także|zobacz również|
przeczytaj też|przeczytaj także|przeczytaj również|polecane|polecamy|najczęściej czytane|
najpopularniejsze|podobne artykuły|powiązane artykuły|najnowsze|najnowsze wiadomości|udostępnij|tagi|
ilgili haberler|benzer haberler|bunlar da ilginizi çekebilir|ilginizi çekebilir|ayrıca okuyun|
en çok okunanlar|en çok okunan|son haberler|diğer haberler|daha fazla haber|paylaş|etiketler|
читайте также|читайте еще|смотрите также|похожие новости|похожие статьи|по теме|новости по теме|
другие новости|самое читаемое|самое популярное|популярное|последние новости|поделиться|теги|
читайте також|дивіться також|схожі новини|інші новини|останні новини|поділитися|
baca juga|berita terkait|artikel terkait|terpopuler|berita lainnya|bagikan|
यह भी पढ़ें|ये भी पढ़ें|संबंधित खबरें|संबंधित ख़बरें|और पढ़ें|ताज़ा खबरें|
یہ بھی پڑھیں|متعلقہ خبریں|مزید پڑھیں|
läs också|läs mer|relaterade artiklar|relaterat|mest läst|dela|
les også|læs også|relaterte saker|relaterede artikler|mest lest|mest læst|del|
lue myös|aiheeseen liittyvät|luetuimmat|jaa|
čtěte také|čtěte též|související články|související|nejčtenější|sdílet|
citește și|articole similare|cele mai citite|distribuie|
διαβάστε επίσης|διαβάστε ακόμα|σχετικά άρθρα|δημοφιλή|κοινοποίηση|
כתבות נוספות|כתבות קשורות|עוד באתר|הכי נקראים|שתפו|
kapcsolódó cikkek|kapcsolódó|olvassa el ezt is|legolvasottabb|megosztás|
相关新闻|相关阅读|相关文章|相关报道|延伸阅读|热门文章|热门新闻|推荐阅读|分享|
関連記事|関連ニュース|おすすめ記事|人気記事|シェア|
관련기사|관련 기사|관련뉴스|많이 본 뉴스|많이 본 기사|공유
"""

# Lines that open the reader-comment area (headings, form labels, counters, moderation rules).
_COMMENT_MARKERS = """
comments|comment|reader comments|readers' comments|show comments|view comments|load comments|
leave a comment|leave a reply|post a comment|add a comment|add comment|write a comment|
join the discussion|join the conversation|discussion|what do you think|have your say|
your comment|your name|your email|submit comment|post comment|cancel reply|
no comments|no comments yet|be the first to comment|there are no comments yet|
comments are closed|comments closed|you must be logged in to post a comment|
your email address will not be published|required fields are marked|
نظرات|نظر شما|نظرات شما|ارسال نظر|ارسال دیدگاه|دیدگاه|دیدگاه ها|دیدگاه شما|دیدگاهتان را بنویسید|
نظر خود را بنویسید|نظرات خوانندگان|پاسخ دهید|ثبت نظر|
تعلیقات|التعلیقات|تعلیق|اضف تعلیق|اضف تعلیقا|اترک تعلیقا|اترک ردا|اکتب تعلیقا|شارکنا رایک|
لا توجد تعلیقات|لا توجد تعلیقات بعد|کن اول من یعلق|
kommentare|kommentar|kommentar schreiben|kommentieren|leserkommentare|diskussion|
noch keine kommentare|kommentar verfassen|
commentaires|commentaire|laisser un commentaire|réagir|ajouter un commentaire|
comentarios|comentario|deja un comentario|deja tu comentario|escribe un comentario|
comentários|deixe um comentário|deixe seu comentário|
commenti|commento|lascia un commento|scrivi un commento|
reacties|reactie|plaats een reactie|
komentarze|komentarz|dodaj komentarz|skomentuj|
yorumlar|yorum yap|yorum yaz|
комментарии|комментарий|оставить комментарий|коментарі|
komentar|tulis komentar|
टिप्पणियाँ|टिप्पणी करें|
kommentarer|kommentarer til artikkelen|kommentit|komentáře|comentarii|σχόλια|תגובות|hozzászólások|
评论|發表評論|コメント|댓글
"""

# Sentences that only a comment form or its rules contain; matched as substrings of a short line.
_COMMENT_SENTENCES = """
your comment will be published after|comments are moderated|comment will be visible after|
will be published after approval|awaiting moderation|your email address will not be published|
required fields are marked|log in to comment|sign in to comment|to post a comment|
be the first to comment|there are no comments|no comments have been|comments are closed|
we reserve the right to remove comments|please keep comments|comment policy|community guidelines|
نظر شما پس از بررسی|پس از تایید منتشر|پس از بررسی و تایید|پس از تایید مدیر|منتشر خواهد شد|
برای این مطلب تا کنون نظری ثبت نشده|تاکنون نظری ثبت نشده|هنوز نظری ثبت نشده|نظری ثبت نشده است|
الفاظ رکیک|توهین و تهمت|نظرات حاوی|نظرات ارسالی|اولین نظر را شما بنویسید|اولین نفری باشید که|
نشانی ایمیل شما منتشر نخواهد شد|بخش های موردنیاز علامت گذاری شده اند|
سیتم نشر التعلیق بعد|بعد مراجعته|بعد الموافقه علیه|لن یتم نشر عنوان بریدک|الحقول الالزامیه مشار الیها|
لا توجد تعلیقات|کن اول من یعلق|التعلیقات المنشوره لا تعبر|
ihr kommentar wird nach|kommentare werden moderiert|ihre e-mail-adresse wird nicht veröffentlicht|
erforderliche felder sind|
votre adresse e-mail ne sera pas publiée|votre commentaire sera publié|les champs obligatoires sont|
tu dirección de correo electrónico no será publicada|su comentario será publicado|
los campos obligatorios están marcados|
o seu endereço de e-mail não será publicado|seu comentário será publicado|
il tuo indirizzo email non sarà pubblicato|i campi obbligatori sono contrassegnati|
twój adres e-mail nie zostanie opublikowany|
e-posta adresiniz yayınlanmayacak|
ваш адрес email не будет опубликован|
"""

# Whole lines that are buttons or labels: share, print, short link, font size, listen, ads.
_UTILITY_LINES = """
share|share this|share on facebook|share on twitter|share on whatsapp|share via email|tweet|
print|print this|print this article|print article|email|e-mail|email this|send|send to a friend|
copy link|copy|link copied|copied|short link|shortlink|short url|permalink|bookmark|save|
save article|font size|text size|listen|listen to this article|listen to article|
listen to this story|reading time|min read|advertisement|advertising|sponsored|ad|back to top|
reuse content|reuse this content|this is a modal window|chapters|descriptions off, selected|
subtitles off, selected|captions off, selected|default, selected|captions settings|end of dialog window|
beginning of dialog window. escape will cancel and close the window|
this modal can be closed by pressing the escape key or activating the close button|
video player is loading|play video|loaded: 0%|
facebook|twitter|whatsapp|telegram|linkedin|pinterest|reddit|instagram|youtube|x|
اشتراک گذاری|اشتراک|چاپ|چاپ خبر|نسخه چاپی|نسخه قابل چاپ|ارسال به دوستان|ارسال|ذخیره|کپی|کپی شد|
لینک کوتاه|پیوند کوتاه|لینک کپی شد|کپی لینک|اندازه متن|اندازه قلم|تبلیغات|آگهی|بازگشت|
شنیدن خبر|شنیدن|دانلود|
طباعه|طبع|مشارکه|شارک|ارسال لصدیق|نسخ الرابط|تم النسخ|رابط مختصر|الرابط المختصر|حجم الخط|اعلان|
استمع|استمع للمقال|
teilen|drucken|artikel drucken|versenden|link kopieren|anzeige|werbung|vorlesen|artikel anhören|
merken|schriftgröße|
partager|imprimer|envoyer|copier le lien|publicité|écouter|écouter l'article|
compartir|imprimir|enviar|copiar enlace|publicidad|escuchar|escucha esta nota|escucha esta nota aquí|
escuchar noticia|escuchar artículo|
compartilhar|compartilhe|imprimir|publicidade|ouvir|
condividi|stampa|invia|pubblicità|ascolta|
delen|printen|advertentie|
udostępnij|drukuj|reklama|posłuchaj|
paylaş|yazdır|reklam|
поделиться|печать|распечатать|реклама|
bagikan|cetak|iklan|
分享|打印|广告|シェア|印刷|広告|공유|인쇄|광고
"""

# Labels introducing a teaser link inside the body: "Read also: <other headline>".
_TEASER_PREFIXES = """
read more|read also|also read|see also|related|related story|related article|more|
must read|don't miss|recommended|
بیشتر بخوانید|بخوانید|همچنین بخوانید|ببینید|مطلب مرتبط|خبر مرتبط|پیشنهاد|
اقرا ایضا|اقرا|شاهد ایضا|شاهد|طالع ایضا|اقرا المزید|ذات صله|
lesen sie auch|lesen sie dazu|lesen sie hier|hier lesen|mehr zum thema|siehe auch|auch interessant|
auch lesen|
lire aussi|à lire aussi|a lire aussi|voir aussi|à voir aussi|
ver también|vea también|lee también|lea también|le puede interesar|te puede interesar|
también te puede interesar|relacionado|relacionada|recomendado|
leia também|veja também|leia mais|saiba mais|
leggi anche|vedi anche|leggi pure|
lees ook|lees meer|
czytaj też|czytaj także|czytaj również|zobacz też|zobacz także|zobacz również|przeczytaj też|
przeczytaj także|
ayrıca okuyun|ilgili haber|
читайте также|смотрите также|читайте також|
baca juga|
यह भी पढ़ें|ये भी पढ़ें|
یہ بھی پڑھیں|
läs också|les også|læs også|lue myös|čtěte také|citește și|διαβάστε επίσης
"""

# Phrases saying the page does not exist (matched in the title, the h1 or a short body).
_ERROR_PHRASES = """
page not found|not found|404 not found|error 404|404 error|page does not exist|
page doesn't exist|page cannot be found|page could not be found|the page you requested|
the page you are looking for|this page is no longer available|nothing was found|
صفحه مورد نظر یافت نشد|صفحه مورد نظر پیدا نشد|صفحه مورد نظر وجود ندارد|صفحه یافت نشد|
صفحه پیدا نشد|خطای 404|خطا 404|مطلب مورد نظر یافت نشد|خبر مورد نظر یافت نشد|
الصفحه غیر موجوده|الصفحه المطلوبه غیر موجوده|لم یتم العثور علی الصفحه|خطا 404|الصفحه غیر متوفره|
seite nicht gefunden|fehler 404|die seite existiert nicht|
page introuvable|page non trouvée|erreur 404|
página no encontrada|error 404|la página no existe|página não encontrada|
pagina non trovata|pagina niet gevonden|strona nie została znaleziona|nie znaleziono strony|
sayfa bulunamadı|страница не найдена|ошибка 404|сторінку не знайдено|halaman tidak ditemukan|
页面不存在|找不到页面|ページが見つかりません|페이지를 찾을 수 없습니다
"""

# Phrases that put the rest of an article behind a subscription or login.
_PAYWALL_PHRASES = """
subscribe to continue reading|subscribe to read|to continue reading|continue reading with|
this article is for subscribers|this content is for subscribers|for subscribers only|
subscribers only|already a subscriber|to view the full story|to read the full story|
to read the full article|to read this article|please subscribe|subscribe now to read|
sign in to continue reading|log in to continue reading|register to continue reading|
you have reached your limit|you've reached your limit|free articles remaining|
unlock this article|premium content|exclusive for subscribers|
برای مطالعه ادامه|برای خواندن ادامه|ویژه مشترکین|مشترک شوید|
للاشتراک|للمشترکین فقط|اشترک الان|لقراءه المقال کاملا|
weiterlesen mit|nur für abonnenten|jetzt abonnieren|mit abo weiterlesen|dieser artikel ist nur|
exklusiv für abonnenten|
réservé aux abonnés|abonnez-vous pour lire|pour lire la suite|
contenido exclusivo para suscriptores|para seguir leyendo|suscríbete para|exclusivo para suscriptores|
conteúdo exclusivo para assinantes|para continuar lendo|assine para|
contenuto riservato agli abbonati|per continuare a leggere|
tylko dla subskrybentów|
abone olun|
только для подписчиков|чтобы продолжить чтение
"""

# Follow / subscribe calls: a verb near the start of a short line and a network or channel anywhere.
_FOLLOW_VERBS = (
    r"follow|join|subscribe|sign up|like us|find us|connect with|get our|"
    r"folgen sie|folge uns|abonnieren sie|abonniere|melden sie sich|"
    r"suivez|abonnez|rejoignez|inscrivez|"
    r"síguenos|siguenos|suscríbete|suscribete|únete|unete|"
    r"inscreva|seguici|iscriviti|"
    r"obserwuj|subskrybuj|dołącz|takip edin|katılın|подписывайтесь|подпишитесь|присоединяйтесь|"
    r"عضو|عضویت|بپیوندید|دنبال|تابعونا|تابعوا|تابع|اشترك|انضم"
)
_FOLLOW_TARGETS = (
    r"twitter|facebook|instagram|telegram|whatsapp|youtube|tiktok|linkedin|threads|bluesky|mastodon|"
    r"newsletter|google news|podcast|rss|channel|canal|kanal|canale|канал|"
    r"تلگرام|اینستاگرام|ایتا|روبیکا|سروش|واتساپ|توییتر|آپارات|کانال|"
    r"تويتر|فيسبوك|انستغرام|انستجرام|تيليجرام|تلغرام|واتساب|يوتيوب|قناة|النشرة"
)
FOLLOW_RE = re.compile(
    rf"^.{{0,60}}?\b({_FOLLOW_VERBS})\b.{{0,160}}?\b({_FOLLOW_TARGETS})"
    rf"|\b({_FOLLOW_TARGETS})\b\W{{0,3}}.{{0,30}}?\b({_FOLLOW_VERBS})\b"
    r"|\b(our|nuestro|notre|unser|unseren|nosso|nostro)\s+(canal|channel|kanal|canale)\s+(\w+\s+)?"
    r"(youtube|telegram|whatsapp|tiktok)",
    re.IGNORECASE,
)

# A line that opens with the call ("Follow X on Twitter and ...") may be longer.
FOLLOW_START_RE = re.compile(rf"^\W{{0,3}}({_FOLLOW_VERBS})\b.{{0,160}}?\b({_FOLLOW_TARGETS})", re.IGNORECASE)
FOLLOW_TARGET_RE = re.compile(rf"\b({_FOLLOW_TARGETS})", re.IGNORECASE)

# A closing call to action: "... Sign up here", "Jetzt abonnieren!".
CTA_RE = re.compile(
    r"\b(sign up|subscribe|register|click|tap|join|download)\s+(here|now|today)\W*$"
    r"|\b(hier|jetzt)\s+(anmelden|abonnieren|registrieren|herunterladen)\W*$"
    r"|\b(suscríbete|regístrate|haz clic|únete)\s+(aquí|ahora)\W*$"
    r"|\b(inscrivez-vous|abonnez-vous|cliquez)\s+(ici|maintenant)\W*$",
    re.IGNORECASE,
)

# Affiliate and advertising disclosures.
_DISCLOSURE_SENTENCES = """
affiliate link|affiliate links|we may earn a commission|we may receive a commission|may earn a commission|
earn a small commission|we earn a commission|independent review process|advertiser disclosure|
references to products from one or more of our advertisers|this post may contain affiliate|
contains affiliate links|sponsored by|paid partnership|share it with a friend|share this article with|
share this story with|
affiliate-links|provisions-links|wir erhalten eine provision|erhalten wir eine provision|
enlaces de afiliados|liens affiliés|link di affiliazione
"""

# Photo credits and image captions that name only the source.
CREDIT_RE = re.compile(
    r"^(photo|photos|image|images|picture|credit|credits|copyright|foto|fotos|bild|bilder|crédits? photos?|"
    r"image d'illustration|image illustrative|photo d'illustration|illustration|bildquelle|quelle|"
    r"crédit|source de l'image|imagen|imágenes|immagine|zdjęcie|fot|عکس|تصویر|منبع عکس|عکاس|"
    r"صوره|الصوره|مصدر الصوره|фото)\s*[:：©]"
    r"|^(©|\(c\)|copyright\b|all rights reserved|alle rechte vorbehalten|tous droits réservés|"
    r"todos los derechos reservados|کلیه حقوق|تمامی حقوق|جمیع الحقوق|جميع الحقوق)"
    r"|(getty images|shutterstock|istock|afp|reuters|dpa|picture alliance|imago)\s*\)?$",
    re.IGNORECASE,
)

SLIDE_COUNTER_RE = re.compile(r"^[-•]?\s*\d+\s*/\s*\d+\s+\S")
# Byline, dateline and article-id lines that open an article (metadata, not body text).
DATELINE_RE = re.compile(
    r"\b\d{1,2}\s*[./-]\s*\d{1,2}\s*[./-]\s*\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}:\d{2}\b"
    r"|[۰-۹]{1,2}\s*[/:]\s*[۰-۹]{1,2}"
)
META_LINE_RE = re.compile(
    r"^\W{0,3}(by|written by|von|par|por|di|door|przez|autor|author|text|texto|"
    r"stand|updated|last updated|published|posted|aktualisiert|veröffentlicht|publié|mis à jour|"
    r"publicado|actualizado|pubblicato|aggiornato|opublikowano|"
    r"نویسنده|خبرنگار|تاریخ انتشار|زمان انتشار|کد خبر|شناسه خبر|کد مطلب|بقلم|تاريخ النشر|نشر في|آخر تحديث)"
    r"\b\s*[:：]?",
    re.IGNORECASE,
)
CHAR_COUNTER_RE = re.compile(r"^\s*[\d۰-۹٠-٩]+\s*/\s*[\d۰-۹٠-٩]+\s*$")
COMMENT_COUNT_RE = re.compile(
    r"^[\d۰-۹٠-٩]+\s*(comments?|responses?|replies|kommentare?|commentaires?|comentarios?|"
    r"comentários?|commenti|komentarz[ey]?|yorum|комментари[йяев]*|نظر|دیدگاه|تعلیق|تعلیقات)$",
    re.IGNORECASE,
)


def _entries(block: str) -> frozenset[str]:
    return frozenset(key for item in block.replace("\n", "").split("|") if (key := line_key(item)))


RELATED_HEADINGS = _entries(_RELATED_HEADINGS)
COMMENT_MARKERS = _entries(_COMMENT_MARKERS)
COMMENT_SENTENCES = tuple(sorted(_entries(_COMMENT_SENTENCES)))
UTILITY_LINES = _entries(_UTILITY_LINES)
TEASER_PREFIXES = tuple(sorted(_entries(_TEASER_PREFIXES), key=len, reverse=True))
ERROR_PHRASES = tuple(sorted(_entries(_ERROR_PHRASES)))
PAYWALL_PHRASES = tuple(sorted(_entries(_PAYWALL_PHRASES)))
DISCLOSURE_SENTENCES = tuple(sorted(_entries(_DISCLOSURE_SENTENCES)))


class PhraseIndex:
    """Finds which of many folded phrases occur in a folded line, indexed by each phrase's first word."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self._by_first: dict[str, list[str]] = {}
        for phrase in phrases:
            self._by_first.setdefault(phrase.split()[0], []).append(phrase)

    def find(self, key: str) -> str | None:
        """The longest indexed phrase that occurs in `key`, or None."""
        found = [
            phrase
            for word in self._by_first.keys() & set(key.split())
            for phrase in self._by_first[word]
            if phrase in key
        ]
        return max(found, key=lambda p: (len(p), p)) if found else None


COMMENT_SENTENCE_INDEX = PhraseIndex(COMMENT_SENTENCES)
PAYWALL_INDEX = PhraseIndex(PAYWALL_PHRASES)
DISCLOSURE_INDEX = PhraseIndex(DISCLOSURE_SENTENCES)
ERROR_INDEX = PhraseIndex(ERROR_PHRASES)
HEADING_PREFIX_RE = re.compile(
    "^(" + "|".join(re.escape(p) for p in sorted(RELATED_HEADINGS, key=len, reverse=True)) + ")"
)
TEASER_PREFIX_RE = re.compile("^(" + "|".join(re.escape(p) for p in TEASER_PREFIXES) + ")")
