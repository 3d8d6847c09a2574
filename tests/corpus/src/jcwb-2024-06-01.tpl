@@# 江城晚报 2024-06-01: GB18030, CRLF, form feeds, masthead words in a different order (issue number
@@# first, date with 星期六 on the next line), running headers "A2版 城事 江城晚报 2024年6月1日", a column
@@# break with a lost character, (下转A2版)/(上接A1版) without a repeated title into a page whose first
@@# article ends mid-page, a kicker over a two-line title, a photo caption with 图/ credit.
@@encoding gb18030
@@newline crlf
@@config jcwb.toml
@@masthead {"paper": "江城晚报", "paper_latin": "JIANGCHENG EVENING NEWS", "date": "2024-06-01", "issue_number": 10735, "weekday": "星期六", "publisher": "江城日报报业集团", "supervisor": "江城日报报业集团"}
第10735期
江城晚报
JIANGCHENG EVENING NEWS
2024年6月1日
星期六 农历甲辰年四月廿五
江城日报报业集团主管主办

@@page A1
A1版

@@art
K>六一国际儿童节
T>全市新增普惠托育点
T>一百二十个
B>本报记者 陶然

P>记者从市卫生健康委获悉,今年以来全市新增普惠性托育点120个,新增托位3600个,每千人口拥有3岁以下婴幼儿托位数达到4.1个。

P>普惠托育点主要依托社区嵌入式服务设施、幼儿园托班和用人单位办托等形式建设,收费标准比同类市场化机构低三成左右。家住江岸区的年轻妈妈小吴说:“托育点就在小区门¦

¦,接送很方便,价格也能接受。”

P>市卫生健康委相关负责人表示,下一步将重点推动托育服务向新建小区、产业园区延伸,力争到明年底实现街道普惠托育服务全覆盖。(下转A2版)

@@art
T>儿童公园今起延长开放时间
B>本报讯 记者 许诺

P>为方便市民亲子游玩,市儿童公园自6月1日起至8月31日每天延长开放至晚上9点。公园提醒,晚间游园请家长看护好孩子,注意安全。

@@jump from=A1 to=A2 resolved=true title=全市新增普惠托育点一百二十个 snippet=对吸纳托育从业人员

@@page A2 城事
<FF>A2版 城事 江城晚报 2024年6月1日

@@art
T>小小志愿者上岗了
B>文/本报记者 周舟 图/本报记者 周舟

P>昨天上午,20名小学生志愿者在江城地铁站开始了他们的“首次上岗”。孩子们佩戴志愿者绶带,帮助乘客查询线路、引导老人乘坐电梯,忙得不亦乐乎。

C>图为小志愿者在地铁站为乘客指路。 图/本报记者 周舟

P>带队老师说,希望通过志愿服务,让孩子们从小懂得关爱他人、奉献社会。

@@cont A1 全市新增普惠托育点一百二十个
(上接A1版)

P>据悉,本市还将加强托育从业人员队伍建设,对吸纳托育从业人员并开展岗前培训的托育机构,按规定给予职业培训补贴。
