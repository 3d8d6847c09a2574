"""The few word lists the reader needs, in one place: credits, byline roles, column and box labels, promos.

Everything else the reader decides from the shape of the text (line length against the
column width, sentence-final punctuation, blank lines, page-header patterns).  These
words are the ones Chinese papers print in fixed slots, so a short closed list is
safer than a guess.  Add a word here, never a corpus string elsewhere.
"""

from __future__ import annotations

#: Staff credits printed in a page header or footer (责任编辑：王敏　美编：李华　校对：赵强).
CREDIT_WORDS = (
    "本版责编|本版编辑|责任编辑|责任校对|责编|美术编辑|美编|图片编辑|视觉设计|版式设计|版式|校对|组版|排版|编辑|审校|审读|值班编辑"
)

#: Reporter roles that open a byline, longest first (融媒记者 张三 / 本报特约通讯员 李四).
#: A role word is recognised with any prefix from BYLINE_ROLE_PREFIX (本报, 融媒, 全媒体…).
BYLINE_ROLE_PREFIX = "本报|本台|本刊|新华社|中新社|人民日报|央视|融媒|融媒体|全媒体|新媒体|特约|特派|见习|实习|首席|驻[\u4e00-\u9fff]{1,4}"
BYLINE_ROLES = "记者|通讯员|实习生|评论员|特约撰稿人|撰稿人|评论部|摄影记者|摄影"

#: Endings of the person nouns a reader-written or student byline opens with (市民 王建华,
#: 船员 刘海生, 学生记者 赵晨): the noun, a space, then one to four names.
BYLINE_PERSON_ENDS = "员|者|民|友|师|工"

#: Endings of the unit names that sign a notice or guide in place of a reporter (学生工作部,
#: 教务处, 市交通运输局).  Only read as a byline directly under a title with the body after it.
BYLINE_UNIT_ENDS = "部|处|办|局|厅|委|院|所|站|中心|办公室|委员会|学院|研究院|协会|工会|团委"

#: Endings of the post or the place a signed piece's author is named by, before the name (吉林大学哲学社会科学资深教授
#: 孙正聿, 中央党校（国家行政学院）副校长（副院长）  李文堂, 安徽亳州市  马方正).
AUTHOR_POST_ENDS = "长|书记|主任|委员|主席|教授|研究员|院士|专家|主编|顾问|负责人|工程师|）|省|市|县|区|州|盟|旗|地区|镇|乡|村"

#: Labels papers print over a box of background facts; the label is the box's only heading.
BOX_LABELS = (
    "小贴士|温馨提示|相关链接|新闻链接|政策链接|知识链接|背景链接|链接|延伸阅读|背景资料|背景|名词解释|小知识|"
    "数说|数读|一图读懂|划重点|看点|记者手记|编辑手记|记者札记|短评|点评|提醒|提示"
)

#: Headings of promo boxes (follow us, subscribe), not news. A guide to the issue (导读, 今日要目) is not
#: one: real papers' own editions list it among the front page's articles (人民日报's 导读 box).
PROMO_HEADS = "欢迎关注|欢迎订阅|扫码|扫一扫|热线|广告|征订|订阅|征稿"

#: Heads that make a short unsigned box a promo by themselves: a heading opening with the first
#: group, or holding a notice of the second (征稿启事: a call for submissions is the paper's own ad).
SURE_PROMO_OPENERS = "欢迎订阅|征订"
SURE_PROMO_NOTICES = "征订启事|订阅启事|征稿启事|约稿启事"

#: Words a promo's text uses when it asks readers to act.
PROMO_WORDS = ("关注", "扫码", "扫描", "二维码", "公众号", "抖音", "微博", "微信", "视频号", "下载", "APP", "客户端", "订阅", "热线", "@")

#: Masthead-only lines: registration, circulation and imprint notes papers print under the name.
MASTHEAD_NOTES = "内部资料|免费交流|准印证|内部准印|赠阅|邮发代号|国内统一连续出版物号|国内统一刊号|ISSN|农历"

#: Page-footer contact lines (本版邮箱：…, 新闻热线：…), kept as a contact note of the page's last article.
PAGE_CONTACT = "本版邮箱|投稿邮箱|来稿邮箱|新闻热线|报料热线|读者热线|欢迎来稿|欢迎投稿"

#: What a subtitle says of its piece, opening it (访加纳非中政策与咨询中心执行主任…, 论学习贯彻…, 写在…之际, 走进…, 读《…》,
#: a plan's target under the news of the plan: 到2030年全国公共机构能源利用效率持续提升;
#: not 论坛, 访客, 访问, 读懂) or closing it (…纪实, …侧记, 今年以来中国经济观察, …就…答记者问, …出席会议并讲话): a title
#: names its news, a subtitle its genre.
SUBTITLE_OPENERS = "访(?!客|问)|论(?!坛|文)|专访|写在|走进|读(?!懂|书|者)|到\\d{4}年"
SUBTITLE_ENDS = "纪实|纪行|侧记|见闻|观察|述评|综述|(?<!审查)调查|启示|札记|手记|纪事|寻访|探访|巡礼|观后|读后|有感|答记者问|并讲话|并致辞"
