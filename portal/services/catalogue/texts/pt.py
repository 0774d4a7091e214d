"""Textos em português das práticas do catálogo."""

TEXTS = {
    "fuenlabrada-intercultural-community-policing": {
        "title": "Policiamento comunitário intercultural em Fuenlabrada",
        "summary": (
            "A polícia local de Fuenlabrada criou por volta de 2007 uma unidade de gestão da diversidade e tornou-a "
            "parte do trabalho diário. Os agentes visitam e ouvem as associações de minorias, o pessoal recebe formação "
            "sobre cultura cigana e igualdade de tratamento, as identificações não podem basear-se na origem e os "
            "moradores têm formas simples de denunciar. O programa Cidades Interculturais do Conselho da Europa "
            "apresenta-o como modelo."
        ),
        "how_it_works": (
            "Uma pequena unidade da polícia local gere a diversidade. Os seus agentes visitam as associações de "
            "minorias com um calendário fixo e levam o que ouvem aos colegas. Todos os agentes aprendem sobre cultura "
            "cigana e igualdade de tratamento, cada identificação precisa de um motivo que não seja a origem da pessoa, "
            "e os moradores podem comunicar problemas de forma simples, também através de associações de confiança."
        ),
        "where_it_worked": (
            "Fuenlabrada, uma cidade de quase 200 000 habitantes perto de Madrid, desde cerca de 2007. Serve uma "
            "população diversa, com famílias ciganas e migrantes de muitos países. O Conselho da Europa apresenta-a a "
            "outras cidades como modelo."
        ),
        "how_to_start": (
            "Nomear uma pequena equipa na polícia local e dar-lhe tempo para o trabalho comunitário.\n"
            "Fazer a lista das associações de minorias e combinar reuniões regulares.\n"
            "Formar todos os agentes em cultura cigana, igualdade de tratamento e identificações justas.\n"
            "Abrir formas de denunciar que não obriguem a ir a uma esquadra."
        ),
        "who_is_needed": "O comando da polícia local, dois a quatro agentes para a unidade, associações de minorias e um formador em igualdade de tratamento.",
        "costs": "Sobretudo tempo de pessoal: os agentes da unidade e algumas horas de formação para todos. Pouco dinheiro além do material de formação.",
        "evidence_note": "Descrito em relatórios do Conselho da Europa e da cidade. Nenhuma avaliação publicada mediu os resultados do modelo completo.",
    },
    "manual-intercultural-community-policing": {
        "title": "Manual de policiamento comunitário intercultural",
        "summary": (
            "Um guia prático para comandos de polícia e decisores locais, publicado em 2019. Explica como organizar "
            "unidades, escrever protocolos e mudar procedimentos para passar de vigiar as pessoas a trabalhar com elas "
            "numa segurança que os moradores ajudam a definir."
        ),
        "how_it_works": (
            "O manual acompanha um comando de polícia ou um presidente de câmara nas escolhas a fazer: que unidade faz "
            "o quê, que protocolos escrever, como envolver os moradores e como verificar que todos os grupos são "
            "tratados de forma justa. Transforma a experiência de Fuenlabrada em passos gerais."
        ),
        "where_it_worked": "Escrito para as cidades da rede Cidades Interculturais na Europa, para municípios de qualquer dimensão com minorias, entre elas comunidades ciganas.",
        "how_to_start": (
            "Ler o manual com o comando da polícia local e o vereador da segurança.\n"
            "Comparar as unidades e os procedimentos da sua polícia com as listas de verificação.\n"
            "Escolher duas ou três mudanças para o primeiro ano e pô-las num plano.\n"
            "Rever o plano todos os anos com as associações de minorias."
        ),
        "who_is_needed": "Os comandos da polícia, a presidência da câmara ou o vereador da segurança, e representantes de associações de minorias.",
        "costs": "Alguns dias de trabalho de chefias para rever procedimentos. O manual é gratuito.",
        "evidence_note": "Um guia escrito por especialistas a partir da sua prática. Não apresenta resultados medidos.",
    },
    "stop-forms-and-rights-leaflet": {
        "title": "Identificações justificadas: formulários de abordagem e folheto de direitos",
        "summary": (
            "Em cada abordagem, os agentes registam porque pararam a pessoa e qual foi o resultado, e entregam um "
            "folheto que explica os seus direitos. Os registos são analisados para detetar grupos parados mais do que "
            "outros. Em Fuenlabrada o número de abordagens desceu e aumentou a parte em que se encontrou algo. Foi "
            "desenvolvido com a Open Society Justice Initiative e a Plataforma espanhola para a Gestão Policial da "
            "Diversidade, nos projetos STEPSS e PIPE."
        ),
        "how_it_works": (
            "Cada vez que os agentes param alguém, preenchem um formulário curto: o motivo, o resultado e a idade, o "
            "sexo e a origem aparente da pessoa. A pessoa recebe um folheto sobre os seus direitos e sobre como "
            "reclamar. De poucos em poucos meses as chefias estudam os formulários para ver se algum grupo é parado "
            "mais vezes sem bom motivo, e mudam as instruções."
        ),
        "where_it_worked": (
            "A polícia local de Fuenlabrada desde 2007 e depois outras polícias locais espanholas. Protege quem é "
            "parado mais do que os outros, como as pessoas ciganas e migrantes."
        ),
        "how_to_start": (
            "Acordar o formulário e o folheto com a polícia, o encarregado de proteção de dados e grupos da comunidade.\n"
            "Formar os agentes no formulário e nos fundamentos legais de uma abordagem.\n"
            "Reunir os formulários numa base de dados simples.\n"
            "Rever os números de três em três meses e partilhar os principais resultados com os moradores."
        ),
        "who_is_needed": "Chefias policiais, agentes de patrulha, alguém para analisar os dados, o encarregado de proteção de dados e grupos da comunidade.",
        "costs": "Impressão de formulários e folhetos, alguns minutos em cada abordagem e um analista a tempo parcial. A formação dura um ou dois dias por agente.",
        "evidence_note": "Em Fuenlabrada contaram-se as abordagens e os seus resultados antes e depois da mudança: as abordagens desceram e mais delas encontraram algo. Não houve comparação com outra cidade.",
    },
    "hate-incident-register": {
        "title": "Registo de incidentes de ódio e agentes de ligação",
        "summary": (
            "Os incidentes racistas e xenófobos, incluindo grafítis, são registados num registo próprio para não se "
            "perderem entre outros crimes. Agentes de ligação com nome mantêm contacto com as associações de minorias, "
            "para que as vítimas saibam a quem ligar e a polícia conheça cedo os incidentes."
        ),
        "how_it_works": (
            "Os agentes registam cada incidente racista ou xenófobo num registo próprio, mesmo quando não é crime, por "
            "exemplo um grafíti insultuoso. Os agentes de ligação mantêm contacto com as associações de minorias, "
            "transmitem o que sabem e explicam às vítimas o que acontece a seguir."
        ),
        "where_it_worked": "A polícia local de Fuenlabrada. Ajuda famílias ciganas e outras minorias que raramente denunciam.",
        "how_to_start": (
            "Decidir o que conta como incidente de ódio, com os indicadores de preconceito do manual do Conselho da Europa.\n"
            "Criar um registo, ou uma marca nos registos que já existem.\n"
            "Nomear agentes de ligação e dar os seus contactos às associações.\n"
            "Publicar os números todos os anos, sem nomes."
        ),
        "who_is_needed": "O serviço de registos da polícia, um ou dois agentes de ligação e as associações de minorias.",
        "costs": "Tempo de pessoal para a ligação e uma pequena alteração no sistema de registos.",
        "evidence_note": "Descrito em relatórios sobre Fuenlabrada. O efeito nas denúncias não foi medido à parte.",
    },
    "anti-rumours-strategy": {
        "title": "Estratégia Antirrumores",
        "summary": (
            "Nasceu em Barcelona em 2010 e espalhou-se com o programa Cidades Interculturais. Uma cidade descobre que "
            "rumores sobre minorias circulam, reúne factos e argumentos que também falam aos sentimentos, cria uma "
            "rede de pessoas e grupos locais, forma agentes antirrumores, faz campanhas criativas e verifica o que "
            "mudou. Um rumor é uma história, verdadeira ou não, que passa depressa de pessoa para pessoa."
        ),
        "how_it_works": (
            "A cidade descobre que rumores sobre minorias circulam e onde. Reúne factos e também argumentos que falam "
            "aos sentimentos, porque os factos sozinhos raramente mudam uma história que as pessoas gostam de contar. "
            "Pessoas de grupos locais são formadas como agentes antirrumores que respondem nas conversas do dia a dia, "
            "e as campanhas usam o humor, as histórias e os eventos."
        ),
        "where_it_worked": (
            "Barcelona desde 2010, depois muitas cidades de Espanha, Portugal e outros países com o programa Cidades "
            "Interculturais. Responde a rumores sobre pessoas ciganas, migrantes e outros grupos."
        ),
        "how_to_start": (
            "Ouvir: reunir os rumores que se ouvem nos bairros, nas escolas e na internet.\n"
            "Reunir factos e um argumento emocional para cada rumor.\n"
            "Criar uma rede de grupos locais e formar os primeiros agentes antirrumores.\n"
            "Fazer uma pequena campanha e verificar o que mudou."
        ),
        "who_is_needed": "Um coordenador na cidade, associações locais, voluntários como agentes antirrumores e alguém que conheça os números.",
        "costs": "Um coordenador a tempo parcial, dias de formação e um orçamento modesto para materiais e eventos da campanha.",
        "evidence_note": "Os manuais descrevem o método e as cidades relatam as suas campanhas. Algumas perguntaram aos participantes antes e depois, mas nenhum lugar foi comparado com outro.",
    },
    "lisbon-participatory-community-policing": {
        "title": "Policiamento comunitário participativo em Lisboa",
        "summary": (
            "Desde 2009 a Polícia Municipal de Lisboa cria parcerias de segurança com os moradores. Cada bairro começa "
            "com um diagnóstico local de segurança, o perfil da equipa é acordado com a comunidade, agentes e moradores "
            "formam-se juntos, a parceria reúne-se todos os meses e os agentes patrulham a pé todos os dias. O modelo "
            "funciona hoje em 14 bairros."
        ),
        "how_it_works": (
            "Em cada bairro, polícia e moradores começam por percorrer a zona juntos e anotar o que causa "
            "insegurança. Acordam o perfil da equipa que lá vai trabalhar. Agentes e moradores formam-se juntos, "
            "reúnem-se todos os meses em parceria, e a equipa patrulha a pé todos os dias, para que as pessoas "
            "conheçam os agentes pelo nome."
        ),
        "where_it_worked": (
            "Lisboa, pela Polícia Municipal desde 2009, hoje em 14 bairros, incluindo bairros de habitação social onde "
            "vivem famílias ciganas e migrantes."
        ),
        "how_to_start": (
            "Escolher um bairro e convidar moradores, escolas e associações.\n"
            "Fazer juntos um diagnóstico local de segurança.\n"
            "Escolher a equipa com a comunidade e formar juntos agentes e moradores.\n"
            "Reunir a parceria todos os meses e começar as patrulhas diárias a pé."
        ),
        "who_is_needed": "Uma equipa de agentes dedicados, um coordenador, moradores e associações locais, e a junta de freguesia.",
        "costs": "Agentes a tempo inteiro num bairro, formação e salas para reuniões. As patrulhas a pé substituem parte das patrulhas de carro, não se somam.",
        "evidence_note": "Descrito pela cidade e em projetos europeus. Nenhuma avaliação publicada comparou bairros com e sem o modelo.",
    },
    "local-safety-contracts": {
        "title": "Contratos Locais de Segurança",
        "summary": (
            "Acordos entre o Ministério da Administração Interna e os municípios que comprometem ambos com um "
            "policiamento de proximidade feito com parceiros locais, com objetivos comuns para cada zona."
        ),
        "how_it_works": (
            "O ministério e o município assinam um contrato para uma zona. Fixa objetivos comuns, diz quem faz o quê "
            "entre a polícia, as escolas, os serviços sociais e as associações, e prevê revisões regulares."
        ),
        "where_it_worked": "Municípios portugueses, em zonas com muitos problemas sociais, algumas com comunidades ciganas.",
        "how_to_start": (
            "Fazer o mapa dos problemas de segurança da zona com os parceiros locais.\n"
            "Escrever num contrato os objetivos e quem faz o quê.\n"
            "Criar uma comissão local que se reúna regularmente.\n"
            "Rever os progressos todos os anos e ajustar o contrato."
        ),
        "who_is_needed": "O Ministério da Administração Interna, o município, a polícia, as escolas, os serviços sociais e as associações.",
        "costs": "Sobretudo tempo de pessoal para coordenar. Alguns contratos financiam projetos concretos.",
        "evidence_note": "Descrito em documentos do governo. Os resultados não foram publicados de forma que permita comparar.",
    },
    "coe-toolkit-racially-motivated-crime": {
        "title": "Manual para a polícia sobre crimes de motivação racial e não discriminação",
        "summary": (
            "Um manual do Conselho da Europa para agentes de polícia, já na segunda edição, centrado nas pessoas "
            "ciganas e nos travellers. Trata a jurisprudência do Tribunal Europeu dos Direitos Humanos, os sinais de "
            "que um crime teve um motivo de preconceito, como registar incidentes racistas e apoiar as vítimas, como "
            "acabar com os perfis raciais e como incentivar as denúncias."
        ),
        "how_it_works": (
            "O manual explica o que o Tribunal Europeu dos Direitos Humanos espera da polícia, enumera sinais de que "
            "um crime teve um motivo de preconceito e mostra como registar incidentes, apoiar as vítimas, evitar os "
            "perfis raciais e facilitar as denúncias. Serve na formação e como consulta em serviço."
        ),
        "where_it_worked": "Usado em formações do Conselho da Europa para polícias de vários Estados-membros, centradas nas pessoas ciganas e nos travellers.",
        "how_to_start": (
            "Pedir ao Conselho da Europa o manual na sua língua.\n"
            "Acrescentar os seus indicadores de preconceito aos formulários de incidentes.\n"
            "Usar os seus casos na próxima formação dos agentes de patrulha.\n"
            "Ao fim de seis meses, rever uma amostra de incidentes registados."
        ),
        "who_is_needed": "Formadores da polícia, o serviço de registos e, se possível, um mediador ou associação cigana na formação.",
        "costs": "Tempo de formação dos agentes. O manual é gratuito.",
        "evidence_note": "Normas e orientações baseadas em decisões judiciais. Não mede resultados por si.",
    },
    "police-and-roma-curriculum": {
        "title": "Polícia e ciganos: um policiamento eficaz e respeitador dos direitos humanos",
        "summary": (
            "Um programa de formação escrito em conjunto pelo Conselho da Europa e pela OSCE/ODIHR. Prepara formadores "
            "para ensinar aos colegas as normas de não discriminação, os crimes de motivação racial e as necessidades "
            "próprias das mulheres ciganas e travellers."
        ),
        "how_it_works": (
            "Formadores da polícia seguem um curso sobre normas de não discriminação, crimes de motivação racial e as "
            "necessidades das mulheres ciganas e travellers, e depois ensinam-no aos colegas. Pessoas da comunidade "
            "cigana e mediadores podem participar nas sessões."
        ),
        "where_it_worked": "Cursos organizados pelo Conselho da Europa e pela OSCE/ODIHR para polícias de vários países.",
        "how_to_start": (
            "Escolher formadores da polícia que vão dar o curso.\n"
            "Enviá-los a um curso para formadores.\n"
            "Planear cursos para os agentes que trabalham com comunidades ciganas.\n"
            "Convidar mulheres ciganas e mediadores a falar nas sessões."
        ),
        "who_is_needed": "Formadores da polícia, a escola de polícia, e pessoas da comunidade cigana e mediadores.",
        "costs": "Tempo dos formadores e dias de curso para os agentes. O programa é gratuito.",
        "evidence_note": "Um programa escrito por especialistas. Os resultados dos cursos não foram publicados como resultados medidos.",
    },
    "odihr-guidebook-police-roma-sinti": {
        "title": "Guia para criar confiança entre a polícia e os ciganos e sinti",
        "summary": (
            "Publicado pela OSCE/ODIHR em 2010. Trata cinco áreas: avaliar o estado das relações, políticas e "
            "procedimentos, recrutar agentes ciganos e sinti, formação e parcerias. Nomeia os dois problemas que as "
            "comunidades vivem: policiamento a mais sobre elas e proteção a menos para elas."
        ),
        "how_it_works": (
            "O guia propõe começar por um olhar honesto sobre as relações entre a polícia e os ciganos, e depois mudar "
            "políticas e procedimentos, recrutar agentes ciganos e sinti, formar e criar parcerias. Alerta tanto para o "
            "excesso de policiamento em zonas ciganas como para a falta de proteção quando as pessoas ciganas precisam "
            "de ajuda."
        ),
        "where_it_worked": "Reúne exemplos de muitos países da OSCE onde a polícia e as comunidades ciganas e sinti trabalharam juntas.",
        "how_to_start": (
            "Avaliar as relações: falar com moradores ciganos, mediadores e agentes.\n"
            "Rever as políticas e procedimentos que afetam os moradores ciganos.\n"
            "Planear o recrutamento e a formação.\n"
            "Começar um projeto de parceria com uma associação cigana."
        ),
        "who_is_needed": "Os comandos da polícia, os recursos humanos, formadores e associações ciganas.",
        "costs": "Tempo de pessoal para a avaliação e o plano. O recrutamento e a formação têm custos próprios.",
        "evidence_note": "Uma coleção de exemplos e conselhos. A maioria dos exemplos foi descrita, não medida.",
    },
    "legal-clinics-roma-women": {
        "title": "Clínicas jurídicas e dias de informação sobre direitos para mulheres ciganas",
        "summary": (
            "No programa JUSTROM, mediadores, advogados e assistentes jurídicos encontram-se com mulheres ciganas nas "
            "suas comunidades, explicam-lhes os seus direitos e ajudam com queixas, incluindo queixas sobre abusos "
            "policiais e crimes de ódio."
        ),
        "how_it_works": (
            "Mediadores, advogados e assistentes jurídicos organizam dias de informação em bairros ciganos e abrem "
            "clínicas jurídicas onde as mulheres podem pedir conselho. Ajudam a preparar queixas, também sobre abusos "
            "policiais e crimes de ódio, e acompanham as mulheres junto das autoridades quando é preciso."
        ),
        "where_it_worked": "O programa JUSTROM na Bulgária, Grécia, Irlanda, Itália e Roménia, para mulheres ciganas e travellers.",
        "how_to_start": (
            "Encontrar um advogado e um mediador que conheçam a comunidade.\n"
            "Combinar um lugar e um horário fixo para a clínica.\n"
            "Fazer um primeiro dia de informação com grupos de mulheres do bairro.\n"
            "Manter contacto com a polícia e o organismo para a igualdade para que as queixas tenham seguimento."
        ),
        "who_is_needed": "Advogados, assistentes jurídicos, mediadores ciganos, grupos de mulheres e um lugar para reunir.",
        "costs": "O pagamento de advogados e mediadores, e uma sala. O aconselhamento é gratuito para as mulheres.",
        "evidence_note": "Descrito em relatórios do programa, com o número de mulheres apoiadas. Os efeitos não foram comparados com outros lugares.",
    },
    "romed-roma-mediators": {
        "title": "Mediadores ciganos (ROMED)",
        "summary": (
            "Mediadores formados, que vêm das comunidades ciganas ou estão perto delas, ajudam os moradores e as "
            "instituições públicas, incluindo a polícia, a entender-se e a resolver problemas antes que cresçam."
        ),
        "how_it_works": (
            "Os mediadores explicam como funcionam as instituições, ajudam moradores e funcionários a entender-se e "
            "levantam os problemas antes de se tornarem conflitos. O Conselho da Europa formou-os num método comum "
            "baseado nos direitos humanos."
        ),
        "where_it_worked": (
            "Mais de 1000 mediadores foram formados em mais de 20 países com o ROMED desde 2011. Trabalham com "
            "escolas, serviços de saúde, câmaras municipais e a polícia."
        ),
        "how_to_start": (
            "Contratar um mediador da comunidade cigana ou próximo dela.\n"
            "Dar-lhe formação e um papel claro.\n"
            "Apresentá-lo à polícia e a outros serviços.\n"
            "Reunir regularmente para resolver problemas em conjunto."
        ),
        "who_is_needed": "Um ou mais mediadores, um serviço municipal que os contrate e contactos na polícia e noutros serviços.",
        "costs": "O salário e a formação de um mediador.",
        "evidence_note": "Os relatórios do programa descrevem resultados em muitas cidades. Não foi publicada nenhuma comparação com cidades sem mediadores.",
    },
}
