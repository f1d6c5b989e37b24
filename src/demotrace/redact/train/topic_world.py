# ruff: noqa: E501  (vocabulary tables: one language per block reads better wrapped by hand)
"""Clinical lines in languages beyond `topic_health`'s seven (ru, ja, zh, pl, sv, tr, cs, el) for
the topic head's "health" data (`topic_data.register_line`): symptoms, diagnoses, tests,
departments, lab values and frames of notes, prescriptions, appointments and a patient's own
messages, with the slots of `topic_health`. Written from general clinical vocabulary, not from the
held-out sets.
"""

from __future__ import annotations

WORLD: dict[str, dict[str, tuple[str, ...]]] = {
    "ru": {
        "sym": ("боль в груди", "одышка", "температура 38", "кашель", "головная боль", "головокружение", "тошнота", "боль в животе",
                "боль в спине", "слабость", "отёки ног", "сердцебиение", "бессонница", "сыпь", "боль в суставах"),
        "dx": ("сахарный диабет 2 типа", "гипертоническая болезнь", "бронхиальная астма", "пневмония", "гастрит", "инфаркт миокарда",
               "инсульт", "депрессия", "мигрень", "хроническая болезнь почек", "рак молочной железы", "артроз", "анемия", "ОРВИ"),
        "proc": ("МРТ поясничного отдела", "рентген грудной клетки", "ЭКГ", "УЗИ брюшной полости", "колоноскопия", "КТ", "анализ крови",
                 "биопсия", "гастроскопия", "флюорография"),
        "dept": ("кардиологию", "онкологию", "приёмное отделение", "неврологию", "поликлинику", "терапевту", "хирургию", "реанимацию"),
        "lab": ("гемоглобин 1<n>0 г/л", "АД 1<n>0/9<n> мм рт. ст.", "глюкоза <n>,<n> ммоль/л", "СРБ <n>8 мг/л", "креатинин <n>0 мкмоль/л"),
        "frames": ("Пациент <age> лет, жалобы на <sym> в течение <n> дней.", "Диагноз: <dx>.", "Назначено: <drug> <dose> 2 раза в день.",
                   "Направлен в <dept> на <proc>.", "Анализы: <lab>, <lab>.", "Выписка: госпитализирован с <dx>, лечение <drug>.",
                   "У меня <sym> и <sym>, записался к врачу на <n> часов.", "Больничный лист на <n> дней, <dx>.",
                   "Результат: <proc> без патологии.", "Рецепт на <drug> <dose>.", "Мама лежит в больнице, у неё <dx>."),
    },
    "ja": {
        "sym": ("胸の痛み", "息切れ", "発熱", "咳", "頭痛", "めまい", "吐き気", "腹痛", "腰痛", "倦怠感", "足のむくみ", "動悸", "不眠", "発疹"),
        "dx": ("2型糖尿病", "高血圧症", "喘息", "肺炎", "胃炎", "心筋梗塞", "脳梗塞", "うつ病", "片頭痛", "慢性腎臓病", "乳がん", "貧血", "インフルエンザ"),
        "proc": ("MRI検査", "胸部レントゲン", "心電図", "腹部エコー", "大腸内視鏡検査", "CT検査", "血液検査", "生検", "胃カメラ"),
        "dept": ("循環器内科", "腫瘍内科", "救急外来", "神経内科", "整形外科", "皮膚科", "精神科", "産婦人科", "内科"),
        "lab": ("HbA1c <n>.<n>%", "血圧1<n>0/9<n>", "血糖値1<n>0 mg/dL", "CRP <n>.<n> mg/dL", "ヘモグロビン1<n>.<n> g/dL"),
        "frames": ("<age>歳男性、<n>日前から<sym>あり。", "診断：<dx>。", "処方：<drug> <dose> 1日2回。", "<dept>に紹介、<proc>予定。",
                   "検査結果：<lab>、<lab>。", "退院サマリー：<dx>で入院、<drug>で治療。", "<sym>と<sym>がひどいので今日は休みます。",
                   "明日<dept>の予約があります、<proc>です。", "<proc>の結果、異常なし。", "母が<dx>で入院しました。", "診断書：<dx>のため<n>日間の安静を要する。"),
    },
    "zh": {
        "sym": ("胸痛", "呼吸困难", "发烧", "咳嗽", "头痛", "头晕", "恶心呕吐", "腹痛", "腰痛", "乏力", "下肢水肿", "心悸", "失眠", "皮疹"),
        "dx": ("2型糖尿病", "高血压", "哮喘", "肺炎", "胃炎", "心肌梗死", "脑梗死", "抑郁症", "偏头痛", "慢性肾病", "乳腺癌", "贫血", "流感"),
        "proc": ("核磁共振", "胸片", "心电图", "腹部B超", "肠镜检查", "CT检查", "血常规", "活检", "胃镜"),
        "dept": ("心内科", "肿瘤科", "急诊科", "神经内科", "骨科", "皮肤科", "精神科", "妇产科", "门诊"),
        "lab": ("糖化血红蛋白<n>.<n>%", "血压1<n>0/9<n> mmHg", "空腹血糖<n>.<n> mmol/L", "C反应蛋白<n>8 mg/L", "血红蛋白1<n>0 g/L"),
        "frames": ("患者，<age>岁，<sym><n>天。", "诊断：<dx>。", "处方：<drug> <dose>，每日两次。", "转诊至<dept>，行<proc>。",
                   "化验：<lab>，<lab>。", "出院小结：因<dx>入院，予<drug>治疗。", "我今天<sym>又<sym>，请假一天去医院。",
                   "明天在<dept>挂了号，做<proc>。", "<proc>结果未见异常。", "我妈妈因为<dx>住院了。", "病假条：<dx>，休息<n>天。"),
    },
    "pl": {
        "sym": ("ból w klatce piersiowej", "duszność", "gorączka", "kaszel", "ból głowy", "zawroty głowy", "nudności", "ból brzucha",
                "ból pleców", "zmęczenie", "obrzęki nóg", "kołatanie serca", "bezsenność", "wysypka"),
        "dx": ("cukrzyca typu 2", "nadciśnienie tętnicze", "astma", "zapalenie płuc", "zapalenie żołądka", "zawał serca", "udar mózgu",
               "depresja", "migrena", "przewlekła choroba nerek", "rak piersi", "anemia", "grypa"),
        "proc": ("rezonans kręgosłupa", "RTG klatki piersiowej", "EKG", "USG jamy brzusznej", "kolonoskopia", "tomografia", "morfologia",
                 "biopsja", "gastroskopia"),
        "dept": ("kardiologii", "onkologii", "SOR", "neurologii", "ortopedii", "dermatologii", "psychiatrii", "ginekologii", "przychodni"),
        "lab": ("HbA1c <n>,<n>%", "ciśnienie 1<n>0/9<n>", "glukoza 1<n>0 mg/dl", "CRP <n>8 mg/l", "hemoglobina 1<n>,<n> g/dl"),
        "frames": ("Pacjent lat <age>, od <n> dni <sym>.", "Rozpoznanie: <dx>.", "Zalecenia: <drug> <dose> 2 razy dziennie.",
                   "Skierowanie do <dept> na <proc>.", "Badania: <lab>, <lab>.", "Karta wypisowa: przyjęty z powodu <dx>, leczony <drug>.",
                   "Mam <sym> i <sym>, jutro idę do lekarza.", "L4 na <n> dni, <dx>.", "Recepta na <drug> <dose>.", "Mama leży w szpitalu, ma <dx>."),
    },
    "sv": {
        "sym": ("bröstsmärta", "andfåddhet", "feber", "hosta", "huvudvärk", "yrsel", "illamående", "magont", "ryggont", "trötthet",
                "svullna ben", "hjärtklappning", "sömnsvårigheter", "utslag"),
        "dx": ("typ 2-diabetes", "högt blodtryck", "astma", "lunginflammation", "magkatarr", "hjärtinfarkt", "stroke", "depression",
               "migrän", "kronisk njursjukdom", "bröstcancer", "blodbrist", "influensa"),
        "proc": ("magnetröntgen", "lungröntgen", "EKG", "ultraljud av buken", "koloskopi", "datortomografi", "blodprov", "biopsi", "gastroskopi"),
        "dept": ("kardiologen", "onkologen", "akuten", "neurologen", "ortopeden", "hudkliniken", "psykiatrin", "vårdcentralen"),
        "lab": ("HbA1c <n><n> mmol/mol", "blodtryck 1<n>0/9<n>", "CRP <n>8", "Hb 1<n>0 g/l", "glukos <n>,<n> mmol/l"),
        "frames": ("Patient, <age> år, med <sym> sedan <n> dagar.", "Diagnos: <dx>.", "Ordination: <drug> <dose> 2 gånger dagligen.",
                   "Remiss till <dept> för <proc>.", "Prover: <lab>, <lab>.", "Epikris: inlagd för <dx>, behandlad med <drug>.",
                   "Jag har <sym> och <sym>, jag stannar hemma idag.", "Sjukskriven <n> dagar för <dx>.", "Recept på <drug> <dose>.",
                   "Min mamma ligger på sjukhus med <dx>."),
    },
    "tr": {
        "sym": ("göğüs ağrısı", "nefes darlığı", "ateş", "öksürük", "baş ağrısı", "baş dönmesi", "bulantı", "karın ağrısı", "bel ağrısı",
                "halsizlik", "bacaklarda şişlik", "çarpıntı", "uykusuzluk", "döküntü"),
        "dx": ("tip 2 diyabet", "hipertansiyon", "astım", "zatürre", "gastrit", "kalp krizi", "inme", "depresyon", "migren",
               "kronik böbrek hastalığı", "meme kanseri", "kansızlık", "grip"),
        "proc": ("MR çekimi", "akciğer grafisi", "EKG", "batın ultrasonu", "kolonoskopi", "tomografi", "kan tahlili", "biyopsi", "endoskopi"),
        "dept": ("kardiyoloji", "onkoloji", "acil servis", "nöroloji", "ortopedi", "dermatoloji", "psikiyatri", "kadın doğum", "aile hekimi"),
        "lab": ("HbA1c %<n>,<n>", "tansiyon 1<n>0/9<n>", "açlık şekeri 1<n>0 mg/dl", "CRP <n>8 mg/l", "hemoglobin 1<n>,<n> g/dl"),
        "frames": ("<age> yaşında hasta, <n> gündür <sym> şikayeti var.", "Tanı: <dx>.", "Tedavi: <drug> <dose> günde 2 kez.",
                   "<proc> için <dept> polikliniğine sevk edildi.", "Tahliller: <lab>, <lab>.", "Epikriz: <dx> nedeniyle yatırıldı, <drug> verildi.",
                   "<sym> ve <sym> var, bugün doktora gidiyorum.", "<n> gün istirahat raporu, <dx>.", "Reçete: <drug> <dose>.",
                   "Annem <dx> yüzünden hastanede yatıyor."),
    },
    "cs": {
        "sym": ("bolest na hrudi", "dušnost", "horečka", "kašel", "bolest hlavy", "závratě", "nevolnost", "bolest břicha", "bolest zad", "únava"),
        "dx": ("diabetes 2. typu", "vysoký krevní tlak", "astma", "zápal plic", "infarkt myokardu", "mozková mrtvice", "deprese", "migréna",
               "rakovina prsu", "chudokrevnost", "chřipka"),
        "proc": ("magnetická rezonance", "rentgen hrudníku", "EKG", "ultrazvuk břicha", "kolonoskopie", "CT", "krevní testy", "biopsie"),
        "dept": ("kardiologii", "onkologii", "urgentní příjem", "neurologii", "ortopedii", "psychiatrii", "praktického lékaře"),
        "lab": ("HbA1c <n><n> mmol/mol", "tlak 1<n>0/9<n>", "CRP <n>8 mg/l", "hemoglobin 1<n>0 g/l"),
        "frames": ("Pacient, <age> let, <n> dní <sym>.", "Diagnóza: <dx>.", "Léčba: <drug> <dose> 2x denně.", "Odeslán na <dept> k vyšetření: <proc>.",
                   "Laboratoř: <lab>, <lab>.", "Propouštěcí zpráva: hospitalizován pro <dx>, léčen <drug>.", "Mám <sym> a <sym>, jdu k doktorovi.",
                   "Neschopenka na <n> dní, <dx>.", "Recept na <drug> <dose>."),
    },
    "el": {
        "sym": ("πόνος στο στήθος", "δύσπνοια", "πυρετός", "βήχας", "πονοκέφαλος", "ζάλη", "ναυτία", "κοιλιακό άλγος", "οσφυαλγία", "κόπωση"),
        "dx": ("σακχαρώδης διαβήτης τύπου 2", "υπέρταση", "άσθμα", "πνευμονία", "γαστρίτιδα", "έμφραγμα", "εγκεφαλικό", "κατάθλιψη",
               "ημικρανία", "καρκίνος του μαστού", "αναιμία", "γρίπη"),
        "proc": ("μαγνητική τομογραφία", "ακτινογραφία θώρακος", "ηλεκτροκαρδιογράφημα", "υπέρηχος κοιλίας", "κολονοσκόπηση", "αξονική", "αιματολογικές εξετάσεις"),
        "dept": ("καρδιολογική", "ογκολογική", "τα επείγοντα", "νευρολογική", "ορθοπαιδική", "ψυχιατρική", "τον οικογενειακό γιατρό"),
        "lab": ("HbA1c <n>,<n>%", "αρτηριακή πίεση 1<n>0/9<n>", "CRP <n>8 mg/l", "αιμοσφαιρίνη 1<n>,<n> g/dl"),
        "frames": ("Ασθενής <age> ετών με <sym> από <n> ημέρες.", "Διάγνωση: <dx>.", "Αγωγή: <drug> <dose> δύο φορές ημερησίως.",
                   "Παραπομπή στην <dept> για <proc>.", "Εξετάσεις: <lab>, <lab>.", "Εξιτήριο: νοσηλεία για <dx>, θεραπεία με <drug>.",
                   "Έχω <sym> και <sym>, πάω στον γιατρό σήμερα.", "Άδεια ασθενείας <n> ημερών, <dx>.", "Συνταγή για <drug> <dose>."),
    },
}  # fmt: skip

__all__ = ["WORLD"]
