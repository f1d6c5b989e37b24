"""Counterfactual negatives for set A: non-health phrases for the `<lay>` / `<clin>` slots of
`topic_terms_a.TERMS_A[lang]["frames"]`.

Filling the very same frames with these phrases gives non-health lines of the same shape, so the topic head
learns that the health meaning lives in the slot words, not in the frame words. Per language: `lay` (90
everyday noun phrases written like `TERMS_A[lang]["lay"]`, with or without an article as that list does)
and `clin` (90 technical report-register terms, bare like `TERMS_A[lang]["clin"]`), with no health, body,
medicine or injury words and no terms that are also medical in that language.
"""

from __future__ import annotations

COUNTER_A: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "lay": (
            # errands and appointments
            "a parents' evening", "the plumber", "a job interview", "a flat tyre", "a late train",
            "a driving test", "a tax return", "the car's MOT", "jury service", "a small claims court date",
            "a mortgage meeting", "the annual boiler service", "a parking fine", "a passport renewal",
            "a bank appointment", "the council tax bill", "a broken washing machine",
            "the broadband engineer",
            "a parcel that never turned up", "a dead car battery", "a speeding ticket", "the carpet fitter",
            # work
            "a deadline", "a client visit", "a product release", "a broken laptop", "a training course",
            "a board presentation", "an office move", "a conference in Leeds", "a sales pitch", "an audit",
            "a server outage", "the month-end close", "staff appraisals", "a team offsite",
            "an overdue invoice", "a tender submission", "a night shift rota",
            # family and home
            "a school play", "a birthday party", "a leaking roof", "moving house", "a new puppy",
            "a burst pipe", "damp in the bathroom", "a kitchen refit", "a wedding rehearsal", "a christening",
            "half-term childcare", "a school trip", "a bake sale", "a broken fridge", "builders next door",
            "a power cut", "a house viewing", "an anniversary dinner", "a wasps' nest", "a blocked drain",
            "the school run", "noisy neighbours",
            # hobbies and sport
            "a football match", "a 10k race", "choir practice", "a chess tournament", "band rehearsal",
            "a pub quiz", "a netball tournament", "a pottery class", "a book club", "a five-a-side league",
            "a charity bike ride", "a fishing trip", "a music recital", "scout camp",
            # weather and travel
            "a heatwave", "a cancelled flight", "a snowstorm", "a rail strike", "flooding on the A38",
            "a lost suitcase", "a missed connection", "a ferry delay", "roadworks",
            "a fallen tree on the line", "a hailstorm", "a festival weekend", "a camping trip", "a hen do",
            "a house-warming",
        ),
        "clin": (
            # engineering and IT operations
            "load test at 120% of rated capacity", "memory leak in the worker pool", "root cause analysis",
            "firmware rollback to v2.3.1", "rollback of the migration", "DNS misconfiguration",
            "TLS certificate expiry", "disk usage at 92%", "race condition in the cache layer",
            "deadlock in the order service", "p99 latency increase", "reverted deployment", "config drift",
            "packet loss on the uplink", "database replication lag", "SSL handshake errors",
            "expired API token", "blue-green deployment", "BGP route flapping",
            "out-of-memory errors on node 7", "RAID rebuild",
            # finance
            "quarterly variance of 4.2%", "accrual reversal", "negative cash position", "currency risk",
            "EBITDA margin of 11%", "VAT reconciliation", "inventory write-down", "covenant breach",
            "goodwill write-off", "overdue receivables", "budget overrun", "duplicate payments",
            "tax audit for FY2022",
            # law
            "breach of contract", "force majeure clause", "statutory demand", "lien on the property",
            "indemnity claim", "non-compete clause", "GDPR subject access request", "disputed invoice",
            "refusal of planning permission", "notice of appeal",
            # construction
            "load-bearing wall survey", "corrosion inspection of the north pylon", "subsidence",
            "rising damp", "exposed rebar", "spalling concrete", "roof truss deflection",
            "cavity wall insulation", "scaffolding sign-off", "snagging list", "flat roof waterproofing",
            # logistics
            "pallet count discrepancy", "late container arrival", "customs hold", "stock-out of SKU 4471",
            "cross-docking", "mis-picked orders", "demurrage charges", "unsigned delivery notes",
            "warehouse occupancy at 97%",
            # quality assurance
            "non-conformance report", "out-of-tolerance dimensions", "rework of batch 2231",
            "first article inspection", "weld spatter", "surface finish defect", "ISO 9001 audit",
            # chemistry and geology
            "pH drift in tank 3", "solvent residue", "titration endpoint", "catalyst deactivation",
            "resin yellowing", "runaway exotherm in reactor 2", "soil sample from borehole 3",
            "clay seam at 4 m depth", "groundwater ingress", "shale bedding planes", "slope movement",
            "sandstone outcrop",
            # automotive
            "worn brake pads", "timing belt slippage", "ECU fault code P0420", "gearbox oil leak",
            "wheel misalignment", "clutch wear", "alternator fault",
        ),
    },
    "es": {
        "lay": (
            # trámites y citas
            "la reunión de padres del cole", "un fontanero que no aparece", "una entrevista de trabajo",
            "una rueda pinchada", "un tren con retraso", "las clases de autoescuela",
            "la declaración de la renta", "la ITV del coche", "una multa de aparcamiento",
            "la renovación del pasaporte", "una cita en Hacienda", "una avería de la lavadora",
            "un técnico de la fibra que no viene", "un paquete perdido", "la batería del coche descargada",
            "una reunión con la gestoría", "la firma de la hipoteca", "un juicio por lo del piso",
            "una multa de tráfico",
            # trabajo
            "una fecha de entrega", "una reunión con un cliente", "una subida a producción",
            "un portátil roto", "un curso de formación", "cierre de trimestre",
            "una presentación ante la dirección", "una mudanza de oficina", "un congreso en Bilbao",
            "una auditoría", "una caída del servidor", "un cierre de mes", "unas oposiciones",
            "una licitación", "facturas pendientes", "un informe para el viernes", "turnos dobles",
            "una caída de la web",
            # familia y casa
            "la obra de teatro del colegio", "una fiesta de cumpleaños", "una gotera", "una mudanza",
            "un cachorro nuevo", "una tubería reventada", "humedades en el baño", "una reforma de la cocina",
            "una boda", "una comunión", "la fiesta de fin de curso", "una excursión del colegio",
            "la nevera estropeada", "obras en el piso de al lado", "un apagón", "la tasación del piso",
            "una cena de aniversario", "las extraescolares de los niños", "un nido de avispas",
            "un desagüe atascado", "una plaga de hormigas", "vecinos ruidosos", "la junta de vecinos",
            "un bautizo",
            # aficiones y deporte
            "un partido de fútbol", "una carrera de 10 km", "ensayos con el coro", "un torneo de ajedrez",
            "un concierto con la banda", "un campeonato de pádel", "una ruta de senderismo",
            "clases de cerámica", "un club de lectura", "la liga de fútbol sala", "una salida en bici",
            "un torneo de mus",
            # tiempo y viajes
            "una ola de calor", "un vuelo cancelado", "una nevada", "huelga de Renfe",
            "inundaciones en la carretera", "una maleta perdida", "una conexión perdida",
            "retrasos en el ferri", "obras en la autovía", "una granizada", "un temporal", "una DANA",
            "un festival", "una acampada", "una despedida de soltera", "las fiestas del pueblo",
            "un viaje de trabajo",
        ),
        "clin": (
            # ingeniería y operaciones de sistemas
            "ensayo de carga al 120 % de la capacidad nominal", "fuga de memoria en el proceso de colas",
            "informe de causa raíz", "reversión de firmware a la v2.3.1", "rollback de la migración",
            "error de configuración DNS", "caducidad del certificado TLS", "disco al 92 %",
            "condición de carrera en la caché", "interbloqueo en el servicio de pedidos",
            "aumento de la latencia p99", "despliegue revertido", "deriva de configuración",
            "pérdida de paquetes en el enlace troncal", "retardo de replicación de la base de datos",
            "errores de negociación TLS", "token de API caducado", "despliegue azul-verde",
            "oscilación de rutas BGP", "errores por falta de memoria en el nodo 7", "reconstrucción del RAID",
            # finanzas
            "desviación trimestral del 4,2 %", "reversión de periodificaciones", "tesorería negativa",
            "riesgo de tipo de cambio", "margen EBITDA del 11 %", "conciliación del IVA",
            "depreciación de existencias", "incumplimiento de covenants", "saneamiento del fondo de comercio",
            "cuentas a cobrar vencidas", "sobrecoste presupuestario", "pagos duplicados",
            "inspección de Hacienda del ejercicio 2022",
            # derecho
            "incumplimiento de contrato", "cláusula de fuerza mayor", "requerimiento de pago",
            "embargo del inmueble", "reclamación de indemnización", "pacto de no competencia",
            "solicitud de acceso RGPD", "factura impugnada", "denegación de licencia de obras",
            "recurso de apelación",
            # construcción
            "peritaje del muro de carga", "inspección de corrosión en la torre norte",
            "asentamiento diferencial de la cimentación", "humedades por capilaridad", "armaduras vistas",
            "desconchado del hormigón", "flecha excesiva en vigas", "aislamiento de cámara de aire",
            "certificación del andamio", "repasos de obra pendientes", "impermeabilización de cubierta",
            # logística
            "descuadre en el recuento de palés", "llegada tardía de contenedores", "retención en aduana",
            "falta de stock del SKU 4471", "cross-docking", "pedidos mal preparados",
            "gastos de sobreestadía", "albaranes sin firmar", "ocupación del almacén al 97 %",
            # calidad
            "informe de no conformidad", "cotas fuera de tolerancia", "reproceso del lote 2231",
            "inspección de primer artículo", "salpicaduras de soldadura", "defecto de acabado superficial",
            "auditoría ISO 9001",
            # química y geología
            "deriva del pH en el tanque 3", "residuo de disolvente", "punto final de la valoración",
            "desactivación del catalizador", "amarilleo de la resina", "exotermia en el reactor 2",
            "testigo del sondeo S-3", "veta de arcilla a 4 m", "aporte de agua freática",
            "estratificación de pizarras", "movimiento de ladera", "afloramiento de arenisca",
            # automoción
            "pastillas de freno gastadas", "holgura en la correa de distribución", "código de avería P0420",
            "fuga de aceite de la caja de cambios", "desalineación de ruedas", "desgaste del embrague",
            "avería del alternador",
        ),
    },
    "pt": {
        "lay": (
            # tarefas e marcações
            "uma reunião de pais", "um canalizador que não aparece", "uma entrevista de emprego",
            "um furo no pneu", "um comboio atrasado", "aulas de condução", "declaração de IRS",
            "inspeção periódica do carro", "uma multa de estacionamento", "renovação do cartão de cidadão",
            "uma reunião nas Finanças", "uma avaria na máquina de lavar",
            "um técnico da fibra que não aparece", "uma encomenda perdida", "bateria do carro descarregada",
            "escritura da casa", "uma audiência em tribunal", "uma multa de excesso de velocidade",
            # trabalho
            "um prazo de entrega", "uma reunião com um cliente", "um lançamento de versão",
            "um portátil avariado", "uma ação de formação", "fecho de trimestre",
            "uma apresentação à administração", "uma mudança de escritório", "uma conferência em Braga",
            "uma auditoria", "uma falha do servidor", "fecho de contas", "um concurso público",
            "faturas em atraso", "um relatório para sexta-feira", "turnos duplos", "um site em baixo",
            # família e casa
            "uma peça de teatro da escola", "uma festa de anos", "um telhado a meter água",
            "uma mudança de casa", "um cachorrinho novo", "um cano rebentado", "humidade na casa de banho",
            "obras na cozinha", "um casamento", "uma primeira comunhão", "festa de fim de ano da escola",
            "uma excursão da escola", "um frigorífico avariado", "obras no andar do lado", "um corte de luz",
            "uma avaliação da casa para o banco", "um jantar de aniversário de casamento",
            "atividades extracurriculares dos miúdos", "um ninho de vespas", "um ralo entupido",
            "uma praga de formigas", "vizinhos barulhentos", "reunião de condomínio", "um batizado",
            "uma festa de inauguração da casa nova",
            # passatempos e desporto
            "um jogo de futebol", "uma corrida de 10 km", "ensaios do coro", "um torneio de xadrez",
            "um concerto com a banda", "um torneio de padel", "uma caminhada com o grupo",
            "aulas de cerâmica", "um clube de leitura", "campeonato de futsal", "um passeio de bicicleta",
            "um torneio de sueca", "uma prova de vinhos",
            # tempo e viagens
            "uma onda de calor", "um voo cancelado", "um nevão", "greve da CP", "estradas inundadas",
            "uma mala perdida", "uma ligação perdida", "atrasos no barco", "obras na autoestrada",
            "uma tempestade", "uma queda de granizo", "um festival de verão", "um fim de semana de campismo",
            "uma despedida de solteira", "santos populares", "uma viagem de trabalho", "incêndios na serra",
        ),
        "clin": (
            # engenharia e operações de TI
            "ensaio de carga a 120 % da capacidade nominal", "fuga de memória no processo de filas",
            "relatório de causa raiz", "reversão do firmware para a v2.3.1", "rollback da migração",
            "erro de configuração de DNS", "expiração do certificado TLS", "disco a 92 %",
            "condição de corrida na cache", "deadlock no serviço de encomendas", "aumento da latência p99",
            "implementação revertida", "desvio de configuração", "perda de pacotes na ligação principal",
            "atraso de replicação da base de dados", "erros de handshake TLS", "token de API expirado",
            "implementação blue-green", "oscilação de rotas BGP", "erros de falta de memória no nó 7",
            "reconstrução do RAID",
            # finanças
            "desvio trimestral de 4,2 %", "reversão de acréscimos", "tesouraria negativa", "risco cambial",
            "margem EBITDA de 11 %", "reconciliação do IVA", "imparidade de inventários",
            "incumprimento de covenants", "abate do goodwill", "contas a receber vencidas",
            "derrapagem orçamental", "pagamentos em duplicado", "inspeção tributária ao exercício de 2022",
            # direito
            "incumprimento contratual", "cláusula de força maior", "interpelação para pagamento",
            "penhora do imóvel", "pedido de indemnização", "pacto de não concorrência",
            "pedido de acesso ao abrigo do RGPD", "fatura contestada",
            "indeferimento do licenciamento da obra", "recurso para a Relação",
            # construção
            "levantamento da parede mestra", "inspeção de corrosão do poste norte",
            "assentamento diferencial das fundações", "humidade ascensional", "armaduras à vista",
            "delaminação do betão", "flecha excessiva nas vigas", "isolamento térmico pelo exterior",
            "vistoria do andaime", "lista de remates de obra", "impermeabilização da cobertura",
            # logística
            "divergência na contagem de paletes", "chegada tardia de contentores", "retenção na alfândega",
            "falta de stock do SKU 4471", "cross-docking", "encomendas mal preparadas",
            "custos de sobre-estadia", "guias de remessa por assinar", "ocupação do armazém a 97 %",
            # qualidade
            "relatório de não conformidade", "cotas fora de tolerância", "retrabalho do lote 2231",
            "inspeção de primeiro artigo", "salpicos de soldadura", "defeito de acabamento superficial",
            "auditoria ISO 9001",
            # química e geologia
            "deriva do pH no tanque 3", "resíduo de solvente", "ponto final da titulação",
            "desativação do catalisador", "amarelecimento da resina", "exotermia no reator 2",
            "carote da sondagem S3", "veio de argila a 4 m", "afluência de água freática", "xistosidade",
            "movimento de vertente", "afloramento de arenito",
            # automóvel
            "pastilhas de travão gastas", "folga na correia de distribuição", "código de avaria P0420",
            "fuga de óleo da caixa de velocidades", "desalinhamento das rodas", "desgaste da embraiagem",
            "avaria do alternador",
        ),
    },
    "it": {
        "lay": (
            # commissioni e appuntamenti
            "il colloquio con i professori", "l'idraulico", "un colloquio di lavoro", "una gomma a terra",
            "un treno in ritardo", "le guide per la patente", "la dichiarazione dei redditi",
            "la revisione della macchina", "una multa per divieto di sosta", "il rinnovo del passaporto",
            "un appuntamento all'Agenzia delle Entrate", "la lavatrice rotta", "il tecnico della fibra",
            "un pacco smarrito", "la batteria della macchina a terra", "il rogito della casa",
            "un'udienza in tribunale", "una multa per eccesso di velocità",
            # lavoro
            "una scadenza", "l'incontro con un cliente", "un rilascio in produzione", "il portatile rotto",
            "un corso di formazione", "la chiusura del trimestre",
            "una presentazione al consiglio di amministrazione", "il trasloco dell'ufficio",
            "un convegno a Bologna", "un audit", "il server giù", "la chiusura di fine mese",
            "un concorso pubblico", "le fatture scadute", "un report da consegnare venerdì", "i doppi turni",
            "il sito irraggiungibile",
            # famiglia e casa
            "la recita di Natale della scuola", "una festa di compleanno", "il tetto che perde",
            "un trasloco", "un cucciolo nuovo", "un tubo scoppiato", "l'umidità in bagno",
            "i lavori in cucina", "un matrimonio", "la prima comunione", "la festa di fine anno",
            "una gita scolastica", "il frigo rotto", "i lavori nell'appartamento accanto", "un blackout",
            "la perizia della casa per il mutuo", "la cena di anniversario",
            "le attività extrascolastiche dei bambini", "un nido di vespe", "lo scarico intasato",
            "le formiche in cucina", "i vicini rumorosi", "l'assemblea di condominio", "un battesimo",
            "la festa per la casa nuova",
            # hobby e sport
            "una partita di calcio", "una gara da 10 km", "le prove del coro", "un torneo di scacchi",
            "un concerto con la band", "un torneo di padel", "un'escursione con il CAI",
            "il corso di ceramica", "il gruppo di lettura", "il campionato di calcetto", "un giro in bici",
            "un torneo di briscola", "una degustazione di vini",
            # meteo e viaggi
            "un'ondata di caldo", "un volo cancellato", "una nevicata", "lo sciopero dei treni",
            "le strade allagate", "una valigia smarrita", "una coincidenza persa", "i ritardi del traghetto",
            "i cantieri in autostrada", "un temporale", "una grandinata", "un festival estivo",
            "un weekend in campeggio", "un addio al nubilato", "la sagra del paese",
            "una trasferta di lavoro", "l'allerta meteo",
        ),
        "clin": (
            # ingegneria e operazioni IT
            "prova di carico al 120 % della portata nominale", "perdita di memoria nel worker delle code",
            "indagine sulla causa radice", "rollback del firmware alla v2.3.1", "rollback della migrazione",
            "errata configurazione DNS", "scadenza del certificato TLS", "disco al 92 %",
            "race condition nella cache", "deadlock nel servizio ordini", "aumento della latenza p99",
            "deploy annullato", "deriva della configurazione",
            "perdita di pacchetti sul collegamento principale", "ritardo di replica del database",
            "errori di handshake TLS", "token API scaduto", "deploy blue-green",
            "oscillazione delle rotte BGP", "errori di memoria esaurita sul nodo 7", "ricostruzione del RAID",
            # finanza
            "scostamento trimestrale del 4,2 %", "storno dei ratei", "saldo di tesoreria negativo",
            "rischio di cambio", "margine EBITDA dell'11 %", "riconciliazione IVA",
            "svalutazione del magazzino", "violazione dei covenant", "svalutazione dell'avviamento",
            "crediti commerciali scaduti", "sforamento del budget", "pagamenti duplicati",
            "verifica fiscale sull'esercizio 2022",
            # diritto
            "inadempimento contrattuale", "clausola di forza maggiore", "diffida ad adempiere",
            "pignoramento dell'immobile", "richiesta di risarcimento", "patto di non concorrenza",
            "richiesta di accesso ai sensi del GDPR", "fattura contestata",
            "diniego del permesso di costruire", "ricorso in appello",
            # edilizia
            "rilievo del muro portante", "ispezione della corrosione sul traliccio nord",
            "cedimento differenziale delle fondazioni", "umidità di risalita", "ferri d'armatura scoperti",
            "distacco del copriferro", "freccia eccessiva delle travi", "cappotto termico",
            "collaudo del ponteggio", "elenco dei ripristini di cantiere",
            "impermeabilizzazione della copertura",
            # logistica
            "discrepanza nel conteggio dei bancali", "arrivo in ritardo dei container", "fermo doganale",
            "mancanza di scorte dello SKU 4471", "cross-docking", "errori di picking",
            "costi di controstallia", "DDT non firmati", "magazzino occupato al 97 %",
            # qualità
            "rapporto di non conformità", "quote fuori tolleranza", "rilavorazione del lotto 2231",
            "ispezione del primo articolo", "spruzzi di saldatura", "difetto di finitura superficiale",
            "audit ISO 9001",
            # chimica e geologia
            "deriva del pH nella vasca 3", "residuo di solvente", "punto di viraggio della titolazione",
            "disattivazione del catalizzatore", "ingiallimento della resina", "esotermia nel reattore 2",
            "carota del sondaggio S3", "livello argilloso a 4 m", "venute d'acqua di falda", "scistosità",
            "movimento franoso", "affioramento di arenaria",
            # automotive
            "pastiglie dei freni usurate", "gioco nella cinghia di distribuzione", "codice di errore P0420",
            "perdita d'olio dal cambio", "convergenza delle ruote da regolare", "usura della frizione",
            "guasto all'alternatore",
        ),
    },
}  # fmt: skip
