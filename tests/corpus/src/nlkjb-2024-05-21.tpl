@@# 南岭科技报 2024-05-21 (a science & technology weekly): UTF-16 with BOM, CRLF, form feeds.
@@# Masthead with a numeric date (2024.05.21), 主管主办 in one, 每周二出版 本期8版, CN + 邮发代号.
@@# Page lines "A1 要闻" / "B1 财经" plus a running editor line. A lead article broken inside number and
@@# Latin runs (10 / Gbps, Reduced / Capability), continued on A2 under a shortened title
@@# ((下转A2版)/(上接A1版)); an inline 新华社 dateline; a photo-news item with a 本报记者…摄 caption; a Q&A
@@# interview (问:/答: with half-width colons) with a break between two English words and an e-mail
@@# address; "01 …" subheadings and a ■小知识 box in a GDP 5.2% story; a jump to B4 (not in the file).
@@encoding utf-16
@@newline crlf
@@config nlkjb.toml
@@masthead {"paper": "南岭科技报", "paper_latin": "NANLING SCIENCE AND TECHNOLOGY NEWS", "date": "2024-05-21", "issue_number": 20, "total_issue_number": 2315, "weekday": "星期二", "supervisor": "南岭省科学技术协会", "publisher": "南岭省科学技术协会"}
南岭科技报
NANLING SCIENCE AND TECHNOLOGY NEWS
南岭省科学技术协会主管主办
2024.05.21 星期二
第20期 总第2315期
国内统一连续出版物号 CN 44-0187 邮发代号 45-88
每周二出版 本期8版

@@page A1 要闻
A1 要闻

@@art
K>数字南岭建设提速
T>全省5G-A基站突破2万个
B>□ 本报记者 邝敏

P>记者从省通信管理局获悉,截至4月底,全省累计建成5G-A基站2.1万个,实现21个地级市城区连续覆盖,基站总数居全国前列。

P>5G-A即5G-Advanced,被业界称为“5.5G”。与5G相比,5G-A的下行峰值速率可达10¦

¦Gbps,时延降低到毫秒级,并具备通信感知一体、无源物联等新能力。省通信管理局有关负责人介绍,依托5G-A网络,全省已在港口、电网、低空等领域落地应用场景120余个。

P>在降低终端成本方面,我省还大力推广RedCap(Reduced¦

¦Capability,轻量化5G)技术。目前,全省RedCap模组价格已降至100元以内,带动工业传感器、可穿戴设备等终端规模化接入。据测算,到2025年底,全省5G行业虚拟专网将超过8000个,‖（下转A2版）

@@art
T>我国成功发射遥感四十二号卫星

P>新华社酒泉5月20日电(记者 李国利 黄一宸)5月20日11时06分,我国在酒泉卫星发射中心使用长征二号丁运载火箭,成功将遥感四十二号卫星发射升空,卫星顺利进入预定轨道,发射任务获得圆满成功。

P>该卫星主要用于国土普查、城市规划、防灾减灾等领域。

@@art
T>科技活动周开幕

P>5月18日,2024年南岭省科技活动周在省科学中心开幕,300余项科普展项和互动体验活动同步亮相,持续至5月25日。

C>图为小观众在开幕式现场体验VR设备。 本报记者 林涛 摄

@@jump from=A1 to=A2 resolved=true title=全省5G-A基站突破2万个 snippet=服务工业企业超过1.5万家

@@page A2 前沿
<FF>A2 前沿
2024年5月21日 星期二 责任编辑 邝敏 | 美术编辑 陈曦

@@cont A1 全省5G-A基站突破2万个
5G-A基站突破2万个
（上接A1版）
‖服务工业企业超过1.5万家。

P>业内专家表示,下一步要加快5G-A与人工智能、工业互联网深度融合,让“网”真正赋能“产”。

@@art
K>对话科学家
T>大模型如何走进千行百业
S>——访南岭大学人工智能研究院院长程远
B>本报记者 邝敏 见习记者 苏晴

P>今年以来,国产大模型加速落地,政务、医疗、制造等行业纷纷“拥抱”AI。大模型将给产业带来哪些改变?记者专访了南岭大学人工智能研究院院长程远。

P>问:大模型到底是什么?

P>答:大模型的全称是大语言模型,英文叫Large¦

¦Language Model,简称LLM。它通过学习海量文本数据,具备了理解和生成自然语言的能力。我们常用的智能问答、文本写作等工具,背后都是大模型在支撑。

P>问:大模型进入行业应用,最大的难点是什么?

P>答:一是数据,行业数据分散、质量参差不齐;二是成本,训练一个千亿参数模型需要数千张GPU卡;三是可靠性,模型有时会“一本正经地胡说八道”。所以我们主张“大模型+小模型”协同,用行业知识库给大模型“纠偏”。

P>问:企业想合作,可以怎么联系?

P>答:研究院设立了开放实验室,企业可以发邮件到ai-lab@nlu.edu.cn提出需求,我们每季度会组织一次对接会。

@@page B1 财经
<FF>B1 财经
2024年5月21日 星期二 责任编辑 周航 | 美术编辑 陈曦

@@art
T>一季度全省GDP同比增长5.2%
S>——新质生产力加快培育,高技术制造业增加值增长11.3%
B>本报记者 周航

P>省统计局日前发布数据,一季度全省实现地区生产总值3.28万亿元,同比增长5.2%,比上年同期加快0.6个百分点。

H>01 工业生产稳中有进

P>一季度,全省规模以上工业增加值同比增长6.1%。其中,新能源汽车、工业机器人、集成电路产量分别增长38.5%、21.7%和19.2%。

H>02 创新动能持续增强

P>全省高技术制造业增加值增长11.3%,占规模以上工业的比重达到31.4%。全省研发经费投入强度预计达到3.5%,¦

¦高新技术企业总数突破7.5万家。

A>■小知识
什么是新质生产力?新质生产力是创新起主导作用,摆脱传统经济增长方式、生产力发展路径,具有高科技、高效能、高质量特征,符合新发展理念的先进生产力质态。

@@art
T>科创板企业研发投入持续加大
B>本报记者 周航 实习生 梁雨桐

P>据统计,截至5月中旬,我省科创板上市企业达到58家,去年合计研发投入286亿元,同比增长16.8%,研发投入占营业收入比例的中位数为12.6%。

P>业内人士指出,科创板企业普遍处于成长期,持续高强度的研发投入为企业构筑了技术“护城河”。与此同时,(转B4版)

@@jump from=B1 to=B4 resolved=false title=科创板企业研发投入持续加大

@@verbatim 5G-A
@@verbatim 5.5G
@@verbatim 11时06分
@@verbatim ai-lab@nlu.edu.cn
@@verbatim 5.2%
@@verbatim 3.5%
@@verbatim LLM
