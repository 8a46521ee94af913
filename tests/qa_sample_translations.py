"""Correct Russian and English translations of the sample release's units, in catalog order.

Written for the QA tests (the scenario of issue 6, must-show 2): filled into the catalogs, they
must pass every check; each test then breaks one thing and expects one check to fire.
"""

RU = [
    "Форум местного самоуправления Кыргызской Республики",
    "100 органов МСУ (города и айылные аймаки) обсудят механизмы взаимодействия с государством "
    "для эффективного регионального развития.",
    "Самое важное в 2018 году собрание местного самоуправления пройдет 3 июля в гостинице "
    "«Парк-отель» в Бишкеке в рамках Форума «Роль местного самоуправления в комплексном "
    "развитии регионов Кыргызской Республики».",
    "В середине объявленного Президентом Кыргызской Республики Года развития регионов каждый "
    "район и почти все города страны направили на форум своих руководителей.",
    "На этом форуме будут обсуждаться возможности местного самоуправления, а также его "
    "взаимодействие с государством в деле развития регионов.",
    "Какие бы инициативы ни выдвигала центральная власть, итоги Года развития регионов будут "
    "зависеть от того, насколько организованно, слаженно и эффективно работают органы МСУ.",
    "Ведь органы МСУ отвечают за многие вопросы жизнедеятельности сообществ, и от них зависят "
    "условия жизни в городах и селах.",
    "Директор Государственного агентства по делам местного самоуправления и межэтнических "
    "отношений при Правительстве КР (ГАМСУМО, организатор Форума) Бахтияр САЛИЕВ отметил: "
    "«Необходимость проведения Форума возникла, чтобы понять, что государство может сделать "
    "для органов МСУ ради успешной реализации государственной политики в сфере развития "
    "регионов.",
    "В то же время мы проводим этот Форум, чтобы органы МСУ сами оценили свою готовность к "
    "переменам, критически взглянули на свою роль, проверили готовность взять на себя "
    "ответственность за положение дел в местных сообществах и смогли заглянуть в завтрашний день.",
    "Сегодня нельзя оставаться в рамках коммунально-хозяйственных забот.",
    "Пришло время взять на себя ответственность за комплексное развитие регионов.",
    "Для этого необходимы эффективные механизмы взаимодействия с государственными органами на "
    "всех уровнях управления.",
    "Нужно сделать так, чтобы каждый важный для граждан и страны вопрос управления решался без "
    "промедления, качественно и эффективно, не перекладывая ответственность с одного ведомства "
    "на другое, с органа МСУ на государство или наоборот».",
    "Исполнительный директор Союза МСУ КР (организатор Форума) Омурбек АЛМАНБЕТОВ отмечает, что "
    "региональное развитие должно опираться на органы МСУ, а для Кыргызской Республики назрела "
    "необходимость поиска баланса между интересами нации и интересами местных сообществ.",
    "В этом заключаются богатство и многообразие страны и нации: «Необходим диалог между "
    "местными сообществами и государством.",
    "Но государство не может вести переговоры с каждым сообществом по отдельности.",
    "Поэтому резко возросли роль и значение муниципальной ассоциации – Союза МСУ.",
    "Мы готовы к испытанию и, я уверен, сможем показать на форуме свое единство и зрелость».",
    "Председатель правления Института политики развития (организатор Форума) Надежда "
    "ДОБРЕЦОВА отметила: «Мы не должны забывать, что интересы местных сообществ должны "
    "отражаться в государственной политике.",
    "Для этого требуются политический диалог, устойчивое и эффективное взаимодействие органов "
    "МСУ и государства.",
    "Конституция разграничила полномочия органов МСУ и государственных органов.",
    "Но цель этого не разделение, а создание системы, в которой каждая часть власти, зная свои "
    "обязанности, может работать просвещенно, четко и организованно, качественно и во "
    "взаимодействии с другими частями».",
    "В программе Форума – обсуждение политических, административных и финансовых возможностей "
    "органов МСУ в выполнении их миссии; сообщение о сути и направлениях регионального развития "
    "для МСУ.",
    "Во второй части Форума участники обсудят конкретные механизмы взаимодействия органов МСУ с "
    "государством.",
    "Финансовую поддержку Форуму оказывает Посольство Швейцарии в Кыргызской Республике.",
    "Организаторы Форума отмечают, что Швейцария в настоящее время оказывает стране масштабную "
    "помощь в развитии местного самоуправления.",
    "Error. Page cannot be displayed. Please contact your service provider for more details. (17)",
]

EN = [
    "Forum of Local Self-Government of the Kyrgyz Republic",
    "100 LSG bodies (cities and aiyl aimaks) will discuss mechanisms of interaction with "
    "the state for effective regional development.",
    "The most important gathering of local self-government in 2018 will take place on July 3 at "
    "the “Park Hotel” in Bishkek as part of the Forum “The Role of Local Self-Government in the "
    "Integrated Development of the Regions of the Kyrgyz Republic”.",
    "Halfway through the Year of Regional Development declared by the President of the Kyrgyz "
    "Republic, every district and almost every city of the country sent its leaders to the forum.",
    "The forum will discuss the capacities of local self-government and its interaction with "
    "the state in developing the regions.",
    "Whatever initiatives the central authorities put forward, the results of the Year of "
    "Regional Development will depend on how organised, concerted and effective LSG bodies are.",
    "After all, LSG bodies are responsible for many issues in the life of communities, and "
    "living conditions in towns and villages depend on them.",
    "Bakhtiyar SALIEV, Director of the State Agency for Local Self-Government and Interethnic "
    "Relations under the Government of the KR (SALSGIER, organiser of the Forum), said: “The "
    "Forum was needed to understand what the state can do for LSG bodies to ensure the success "
    "of state policy in regional development.",
    "At the same time, we are holding this Forum so that LSG bodies can assess their own "
    "readiness for change, look critically at their role, test their readiness to take "
    "responsibility for the state of affairs in local communities, and see what tomorrow holds.",
    "Today we cannot stay within the confines of municipal housekeeping.",
    "The time has come to take responsibility for the integrated development of the regions.",
    "This requires effective mechanisms of interaction with state bodies at all levels of "
    "government.",
    "Every governance issue that matters to citizens and the country must be resolved without "
    "delay, with quality and effectively, without shifting responsibility from one agency to "
    "another, from an LSG body to the state or vice versa”.",
    "Omurbek ALMANBETOV, Executive Director of the Union of LSGs of the KR (organiser of the "
    "Forum), notes that regional development must rely on LSG bodies, and that the Kyrgyz "
    "Republic needs to find a balance between the interests of the nation and those of local "
    "communities.",
    "Therein lie the wealth and diversity of the country and the nation: “A dialogue between "
    "local communities and the state is necessary.",
    "But the state cannot negotiate with every community separately.",
    "That is why the role and importance of the municipal association – the Union of LSGs – "
    "have grown sharply.",
    "We are ready for the test, and I believe that at the forum we can show our unity and "
    "maturity”.",
    "Nadezhda DOBRETSOVA, Chair of the Board of the Development Policy Institute (organiser of "
    "the Forum), said: “We must not forget that the interests of local communities must be "
    "reflected in state policy.",
    "This requires a political dialogue and sustained, effective interaction between LSG bodies "
    "and the state.",
    "The Constitution separated the powers of LSG bodies and state bodies.",
    "But the aim is not to divide the work but to build a system in which every part of power "
    "knows its duties and works in an enlightened, precise and organised way, with quality, "
    "and together with the other parts”.",
    "The Forum programme includes a discussion of the political, administrative and financial "
    "capacities of LSG bodies in fulfilling their mission, and a report on the essence and "
    "directions of regional development for LSG.",
    "In the second part of the Forum, participants will discuss specific mechanisms of "
    "interaction between LSG and the state.",
    "The Forum is financially supported by the Embassy of Switzerland in the Kyrgyz Republic.",
    "The organisers of the Forum note that Switzerland is currently providing the country with "
    "large-scale assistance in developing local self-government.",
    "Error. Page cannot be displayed. Please contact your service provider for more details. (17)",
]

#: A careful English translation that spells the agreed terms out instead of abbreviating them
#: ("local self-government bodies" for LSG bodies, "the Union of Local Self-Government Bodies
#: of the Kyrgyz Republic"): every glossary term is rendered by an accepted variant.
EN_SPELT_OUT = [
    text.replace("LSG bodies", "local self-government bodies")
    .replace("an LSG body", "a local self-government body")
    .replace(
        "Union of LSGs of the KR", "Union of Local Self-Government Bodies of the Kyrgyz Republic"
    )
    .replace("Union of LSGs", "Union of Local Self-Government Bodies")
    .replace("development for LSG", "development for local self-government")
    .replace("between LSG and", "between local self-government bodies and")
    for text in EN
]
