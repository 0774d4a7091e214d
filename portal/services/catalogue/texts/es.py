"""Textos en español de las prácticas del catálogo."""

TEXTS = {
    "fuenlabrada-intercultural-community-policing": {
        "title": "Policía comunitaria intercultural en Fuenlabrada",
        "summary": (
            "La policía local de Fuenlabrada creó hacia 2007 una unidad de gestión de la diversidad y la hizo parte "
            "del trabajo diario. Los agentes visitan y escuchan a las asociaciones de minorías, la plantilla se forma "
            "en cultura gitana e igualdad de trato, las identificaciones no pueden basarse en el origen y los vecinos "
            "tienen formas sencillas de denunciar. El programa Ciudades Interculturales del Consejo de Europa lo "
            "propone como modelo."
        ),
        "how_it_works": (
            "Una pequeña unidad de la policía local gestiona la diversidad. Sus agentes visitan a las asociaciones de "
            "minorías con un calendario fijo y trasladan lo que oyen al resto de la plantilla. Todos los agentes se "
            "forman en cultura gitana e igualdad de trato, cada identificación necesita un motivo que no sea el "
            "origen de la persona, y los vecinos pueden avisar de problemas de forma sencilla, también a través de "
            "asociaciones de confianza."
        ),
        "where_it_worked": (
            "Fuenlabrada, una ciudad de casi 200.000 habitantes cerca de Madrid, desde 2007 aproximadamente. Atiende a "
            "una población diversa, con familias gitanas y migrantes de muchos países. El Consejo de Europa la "
            "presenta a otras ciudades como modelo."
        ),
        "how_to_start": (
            "Nombrar un pequeño equipo en la policía local y darle tiempo para el trabajo comunitario.\n"
            "Hacer la lista de asociaciones de minorías y acordar reuniones periódicas.\n"
            "Formar a todos los agentes en cultura gitana, igualdad de trato e identificaciones justas.\n"
            "Abrir vías para denunciar sin tener que ir a una comisaría."
        ),
        "who_is_needed": "La jefatura de la policía local, de dos a cuatro agentes para la unidad, asociaciones de minorías y una persona formadora en igualdad de trato.",
        "costs": "Sobre todo tiempo de personal: los agentes de la unidad y unas horas de formación para todos. Poco dinero aparte del material de formación.",
        "evidence_note": "Descrito en informes del Consejo de Europa y de la ciudad. Ninguna evaluación publicada midió los resultados del modelo completo.",
    },
    "manual-intercultural-community-policing": {
        "title": "Manual de policía comunitaria intercultural",
        "summary": (
            "Una guía práctica para jefaturas de policía y responsables municipales, publicada en 2019. Explica cómo "
            "organizar unidades, escribir protocolos y cambiar procedimientos para pasar de vigilar a las personas a "
            "trabajar con ellas por una seguridad que los vecinos ayudan a definir."
        ),
        "how_it_works": (
            "El manual acompaña a una jefatura de policía o a una alcaldía en las decisiones que hay que tomar: qué "
            "unidad hace qué, qué protocolos escribir, cómo implicar a los vecinos y cómo comprobar que se trata a "
            "todos los grupos por igual. Convierte la experiencia de Fuenlabrada en pasos generales."
        ),
        "where_it_worked": "Escrito para las ciudades de la red Ciudades Interculturales en Europa, para municipios de cualquier tamaño con minorías, entre ellas comunidades gitanas.",
        "how_to_start": (
            "Leer el manual con la jefatura de la policía local y la concejalía de seguridad.\n"
            "Comparar las unidades y los procedimientos de su policía con sus listas de control.\n"
            "Elegir dos o tres cambios para el primer año y ponerlos en un plan.\n"
            "Revisar el plan cada año con las asociaciones de minorías."
        ),
        "who_is_needed": "Los mandos policiales, la alcaldía o la concejalía de seguridad y representantes de asociaciones de minorías.",
        "costs": "Algunas jornadas de trabajo de mandos para revisar procedimientos. El manual es gratuito.",
        "evidence_note": "Una guía escrita por personas expertas a partir de su práctica. No presenta resultados medidos.",
    },
    "stop-forms-and-rights-leaflet": {
        "title": "Identificaciones justificadas: formularios de parada y folleto de derechos",
        "summary": (
            "En cada parada, los agentes anotan por qué pararon a la persona y qué resultado hubo, y entregan un "
            "folleto que explica sus derechos. Los registros se revisan para detectar grupos a los que se para más que "
            "a otros. En Fuenlabrada bajó el número de paradas y aumentó la parte que encontraba algo. Se desarrolló "
            "con la Open Society Justice Initiative y la Plataforma por la Gestión Policial de la Diversidad, en los "
            "proyectos STEPSS y PIPE."
        ),
        "how_it_works": (
            "Cada vez que los agentes paran a alguien, rellenan un formulario breve: el motivo, el resultado y la "
            "edad, el sexo y el origen aparente de la persona. La persona recibe un folleto sobre sus derechos y sobre "
            "cómo reclamar. Cada pocos meses los mandos estudian los formularios para ver si se para más a algún grupo "
            "sin buen motivo, y cambian las instrucciones."
        ),
        "where_it_worked": (
            "La policía local de Fuenlabrada desde 2007, y después otras policías locales españolas. Protege a quienes "
            "son parados más que otros, como las personas gitanas y migrantes."
        ),
        "how_to_start": (
            "Acordar el formulario y el folleto con la policía, la persona delegada de protección de datos y grupos de la comunidad.\n"
            "Formar a los agentes en el formulario y en los motivos legales de una parada.\n"
            "Reunir los formularios en una base de datos sencilla.\n"
            "Revisar las cifras cada tres meses y compartir los resultados principales con los vecinos."
        ),
        "who_is_needed": "Mandos policiales, agentes de patrulla, alguien que analice los datos, la persona delegada de protección de datos y grupos de la comunidad.",
        "costs": "Imprimir formularios y folletos, unos minutos en cada parada y un analista a tiempo parcial. La formación dura uno o dos días por agente.",
        "evidence_note": "En Fuenlabrada se contaron las paradas y sus resultados antes y después del cambio: bajaron las paradas y más de ellas encontraron algo. No se comparó con otra ciudad.",
    },
    "hate-incident-register": {
        "title": "Registro de incidentes de odio y agentes de enlace",
        "summary": (
            "Los incidentes racistas y xenófobos, incluidas las pintadas, se anotan en un registro propio para que no "
            "se pierdan entre otros delitos. Agentes de enlace con nombre mantienen el contacto con las asociaciones de "
            "minorías, así las víctimas saben a quién llamar y la policía conoce pronto los incidentes."
        ),
        "how_it_works": (
            "Los agentes anotan cada incidente racista o xenófobo en un registro propio, aunque no sea delito, por "
            "ejemplo una pintada insultante. Los agentes de enlace mantienen el contacto con las asociaciones de "
            "minorías, transmiten lo que saben y explican a las víctimas qué pasará después."
        ),
        "where_it_worked": "La policía local de Fuenlabrada. Ayuda a familias gitanas y a otras minorías que rara vez denuncian.",
        "how_to_start": (
            "Decidir qué cuenta como incidente de odio, con los indicadores de sesgo del manual del Consejo de Europa.\n"
            "Crear un registro, o una marca en los registros que ya existen.\n"
            "Nombrar agentes de enlace y dar sus contactos a las asociaciones.\n"
            "Publicar las cifras cada año, sin nombres."
        ),
        "who_is_needed": "La oficina de registros de la policía, uno o dos agentes de enlace y las asociaciones de minorías.",
        "costs": "Tiempo de personal para el enlace y un pequeño cambio en el sistema de registros.",
        "evidence_note": "Descrito en informes sobre Fuenlabrada. No se midió por separado el efecto sobre las denuncias.",
    },
    "anti-rumours-strategy": {
        "title": "Estrategia Antirumores",
        "summary": (
            "Nació en Barcelona en 2010 y se extendió con el programa Ciudades Interculturales. Una ciudad averigua qué "
            "rumores sobre minorías circulan, reúne datos y argumentos que también hablan a los sentimientos, crea una "
            "red de personas y grupos locales, forma agentes antirumores, hace campañas creativas y comprueba qué "
            "cambió. Un rumor es una historia, verdadera o no, que pasa rápido de persona a persona."
        ),
        "how_it_works": (
            "La ciudad averigua qué rumores sobre minorías circulan y dónde. Reúne datos y también argumentos que "
            "hablan a los sentimientos, porque los datos solos pocas veces cambian una historia que a la gente le gusta "
            "contar. Personas de grupos locales se forman como agentes antirumores que responden en las conversaciones "
            "de cada día, y las campañas usan el humor, las historias y los eventos."
        ),
        "where_it_worked": (
            "Barcelona desde 2010, y después muchas ciudades de España, Portugal y otros países con el programa "
            "Ciudades Interculturales. Responde a rumores sobre personas gitanas, migrantes y otros grupos."
        ),
        "how_to_start": (
            "Escuchar: reunir los rumores que se oyen en barrios, escuelas e internet.\n"
            "Reunir datos y un argumento emocional para cada rumor.\n"
            "Crear una red de grupos locales y formar a los primeros agentes antirumores.\n"
            "Hacer una pequeña campaña y comprobar qué cambió."
        ),
        "who_is_needed": "Una persona coordinadora en la ciudad, asociaciones locales, voluntariado como agentes antirumores y alguien que conozca las cifras.",
        "costs": "Una coordinación a tiempo parcial, jornadas de formación y un presupuesto modesto para materiales y actos de la campaña.",
        "evidence_note": "Los manuales describen el método y las ciudades informan de sus campañas. Algunas preguntaron a participantes antes y después, pero no se comparó un lugar con otro.",
    },
    "lisbon-participatory-community-policing": {
        "title": "Policía comunitaria participativa en Lisboa",
        "summary": (
            "Desde 2009 la Policía Municipal de Lisboa crea alianzas de seguridad con los vecinos. Cada barrio empieza "
            "con una auditoría local de seguridad, el perfil del equipo se acuerda con la comunidad, agentes y vecinos "
            "se forman juntos, la alianza se reúne cada mes y los agentes patrullan a pie cada día. El modelo funciona "
            "hoy en 14 barrios."
        ),
        "how_it_works": (
            "En cada barrio, policía y vecinos recorren primero la zona juntos y anotan lo que da inseguridad. Acuerdan "
            "el perfil del equipo que trabajará allí. Agentes y vecinos se forman juntos, se reúnen cada mes en una "
            "alianza, y el equipo patrulla a pie cada día, así la gente conoce a los agentes por su nombre."
        ),
        "where_it_worked": (
            "Lisboa, con la Policía Municipal desde 2009, hoy en 14 barrios, entre ellos zonas de vivienda social donde "
            "viven familias gitanas y migrantes."
        ),
        "how_to_start": (
            "Elegir un barrio e invitar a vecinos, escuelas y asociaciones.\n"
            "Hacer juntos una auditoría local de seguridad.\n"
            "Elegir el equipo con la comunidad y formar juntos a agentes y vecinos.\n"
            "Reunirse cada mes como alianza y empezar las patrullas diarias a pie."
        ),
        "who_is_needed": "Un equipo de agentes dedicados, una persona coordinadora, vecinos y asociaciones locales, y la junta local.",
        "costs": "Agentes a tiempo completo en un barrio, formación y salas para reunirse. Las patrullas a pie sustituyen a parte de las patrullas en coche, no se suman.",
        "evidence_note": "Descrito por la ciudad y en proyectos europeos. Ninguna evaluación publicada comparó barrios con y sin el modelo.",
    },
    "local-safety-contracts": {
        "title": "Contratos Locales de Seguridad",
        "summary": (
            "Acuerdos entre el Ministerio de Administración Interna de Portugal y los municipios que comprometen a "
            "ambos con una policía de proximidad hecha junto a socios locales, con objetivos comunes para cada zona."
        ),
        "how_it_works": (
            "El ministerio y el municipio firman un contrato para una zona. Fija objetivos comunes, dice quién hace qué "
            "entre la policía, las escuelas, los servicios sociales y las asociaciones, y prevé revisiones periódicas."
        ),
        "where_it_worked": "Municipios portugueses, en zonas con muchos problemas sociales, algunas con comunidades gitanas.",
        "how_to_start": (
            "Hacer el mapa de los problemas de seguridad de la zona con los socios locales.\n"
            "Escribir en un contrato los objetivos y quién hace qué.\n"
            "Crear un comité local que se reúna con regularidad.\n"
            "Revisar los avances cada año y ajustar el contrato."
        ),
        "who_is_needed": "El ministerio del interior, el municipio, la policía, las escuelas, los servicios sociales y las asociaciones.",
        "costs": "Sobre todo tiempo de personal para coordinar. Algunos contratos financian proyectos concretos.",
        "evidence_note": "Descrito en documentos del gobierno. Los resultados no se publicaron de forma que permita comparar.",
    },
    "coe-toolkit-racially-motivated-crime": {
        "title": "Manual para la policía sobre delitos de motivación racial y no discriminación",
        "summary": (
            "Un manual del Consejo de Europa para agentes de policía, ya en su segunda edición, centrado en las "
            "personas gitanas y los travellers. Trata la jurisprudencia del Tribunal Europeo de Derechos Humanos, las "
            "señales de que un delito tuvo un motivo de prejuicio, cómo registrar incidentes racistas y apoyar a las "
            "víctimas, cómo acabar con los perfiles raciales y cómo animar a denunciar."
        ),
        "how_it_works": (
            "El manual explica qué espera de la policía el Tribunal Europeo de Derechos Humanos, enumera señales de "
            "que un delito tuvo un motivo de prejuicio y muestra cómo registrar incidentes, apoyar a las víctimas, "
            "evitar los perfiles raciales y facilitar las denuncias. Sirve en la formación y como consulta en servicio."
        ),
        "where_it_worked": "Se usa en formaciones del Consejo de Europa para policías de varios Estados miembros, centradas en las personas gitanas y los travellers.",
        "how_to_start": (
            "Pedir al Consejo de Europa el manual en su idioma.\n"
            "Añadir sus indicadores de sesgo a los formularios de incidentes.\n"
            "Usar sus casos en la próxima formación de agentes de patrulla.\n"
            "A los seis meses, revisar una muestra de incidentes registrados."
        ),
        "who_is_needed": "Formadores de la policía, la oficina de registros y, si es posible, una persona mediadora o asociación gitana en la formación.",
        "costs": "Tiempo de formación de los agentes. El manual es gratuito.",
        "evidence_note": "Normas y orientaciones basadas en sentencias. No mide resultados por sí mismo.",
    },
    "police-and-roma-curriculum": {
        "title": "Policía y pueblo gitano: una actuación policial eficaz y respetuosa con los derechos humanos",
        "summary": (
            "Un programa de formación escrito conjuntamente por el Consejo de Europa y la OSCE/OIDDH. Prepara a "
            "formadores para enseñar a sus colegas las normas de no discriminación, los delitos de motivación racial y "
            "las necesidades propias de las mujeres gitanas y travellers."
        ),
        "how_it_works": (
            "Formadores de la policía siguen un curso sobre normas de no discriminación, delitos de motivación racial "
            "y las necesidades de las mujeres gitanas y travellers, y después lo enseñan a sus colegas. Personas de la "
            "comunidad gitana y mediadoras pueden participar en las sesiones."
        ),
        "where_it_worked": "Cursos organizados por el Consejo de Europa y la OSCE/OIDDH para policías de varios países.",
        "how_to_start": (
            "Elegir formadores de la policía que impartirán el curso.\n"
            "Enviarlos a un curso para formadores.\n"
            "Planificar cursos para los agentes que trabajan con comunidades gitanas.\n"
            "Invitar a mujeres gitanas y a personas mediadoras a hablar en las sesiones."
        ),
        "who_is_needed": "Formadores de la policía, la academia de policía, y personas de la comunidad gitana y mediadoras.",
        "costs": "Tiempo de los formadores y días de curso para los agentes. El programa es gratuito.",
        "evidence_note": "Un programa escrito por personas expertas. Los resultados de los cursos no se publicaron como resultados medidos.",
    },
    "odihr-guidebook-police-roma-sinti": {
        "title": "Guía para generar confianza entre la policía y el pueblo gitano y sinti",
        "summary": (
            "Publicada por la OSCE/OIDDH en 2010. Trata cinco áreas: valorar el estado de las relaciones, políticas y "
            "procedimientos, contratar agentes gitanos y sinti, formación y alianzas. Nombra los dos problemas que "
            "viven las comunidades: demasiada vigilancia sobre ellas y muy poca protección para ellas."
        ),
        "how_it_works": (
            "La guía propone empezar mirando con honestidad las relaciones entre la policía y la población gitana, y "
            "después cambiar políticas y procedimientos, contratar agentes gitanos y sinti, formar y crear alianzas. "
            "Advierte tanto contra el exceso de vigilancia en zonas gitanas como contra la falta de protección cuando "
            "las personas gitanas necesitan ayuda."
        ),
        "where_it_worked": "Reúne ejemplos de muchos países de la OSCE donde la policía y las comunidades gitanas y sinti trabajaron juntas.",
        "how_to_start": (
            "Valorar las relaciones: hablar con vecinos gitanos, personas mediadoras y agentes.\n"
            "Revisar las políticas y procedimientos que afectan a los vecinos gitanos.\n"
            "Planificar la contratación y la formación.\n"
            "Empezar un proyecto conjunto con una asociación gitana."
        ),
        "who_is_needed": "Los mandos policiales, recursos humanos, formadores y asociaciones gitanas.",
        "costs": "Tiempo de personal para la valoración y el plan. La contratación y la formación tienen sus propios costes.",
        "evidence_note": "Una colección de ejemplos y consejos. La mayoría de los ejemplos se describieron, no se midieron.",
    },
    "legal-clinics-roma-women": {
        "title": "Clínicas jurídicas y jornadas informativas sobre derechos para mujeres gitanas",
        "summary": (
            "En el programa JUSTROM, personas mediadoras, abogadas y asistentes jurídicas se reúnen con mujeres gitanas "
            "en sus comunidades, les explican sus derechos y las ayudan con sus reclamaciones, también sobre abusos "
            "policiales y delitos de odio."
        ),
        "how_it_works": (
            "Personas mediadoras, abogadas y asistentes jurídicas organizan jornadas informativas en barrios gitanos y "
            "abren clínicas jurídicas donde las mujeres pueden pedir consejo. Ayudan a preparar reclamaciones, también "
            "sobre abusos policiales y delitos de odio, y acompañan a las mujeres ante las autoridades cuando hace falta."
        ),
        "where_it_worked": "El programa JUSTROM en Bulgaria, Grecia, Irlanda, Italia y Rumanía, para mujeres gitanas y travellers.",
        "how_to_start": (
            "Encontrar una abogada y una persona mediadora que conozcan la comunidad.\n"
            "Acordar un lugar y un horario fijo para la clínica.\n"
            "Hacer una primera jornada informativa con grupos de mujeres del barrio.\n"
            "Mantener el contacto con la policía y el organismo de igualdad para que las reclamaciones sigan su curso."
        ),
        "who_is_needed": "Abogadas, asistentes jurídicas, personas mediadoras gitanas, grupos de mujeres y un lugar para reunirse.",
        "costs": "El pago de abogadas y mediadoras, y una sala. El asesoramiento es gratuito para las mujeres.",
        "evidence_note": "Descrito en informes del programa, con el número de mujeres atendidas. Los efectos no se compararon con otros lugares.",
    },
    "romed-roma-mediators": {
        "title": "Mediadores y mediadoras gitanas (ROMED)",
        "summary": (
            "Personas mediadoras formadas, que vienen de las comunidades gitanas o están cerca de ellas, ayudan a los "
            "vecinos y a las instituciones públicas, también a la policía, a entenderse y a resolver problemas antes "
            "de que crezcan."
        ),
        "how_it_works": (
            "Las personas mediadoras explican cómo funcionan las instituciones, ayudan a vecinos y funcionarios a "
            "entenderse y plantean los problemas antes de que se conviertan en conflictos. El Consejo de Europa las "
            "formó en un método común basado en los derechos humanos."
        ),
        "where_it_worked": (
            "Más de 1.000 personas mediadoras se formaron en más de 20 países con ROMED desde 2011. Trabajan con "
            "escuelas, servicios de salud, ayuntamientos y la policía."
        ),
        "how_to_start": (
            "Contratar a una persona mediadora de la comunidad gitana o cercana a ella.\n"
            "Darle formación y un papel claro.\n"
            "Presentarla a la policía y a otros servicios.\n"
            "Reunirse con regularidad para resolver problemas juntos."
        ),
        "who_is_needed": "Una o más personas mediadoras, un servicio municipal que las contrate y contactos en la policía y otros servicios.",
        "costs": "El salario y la formación de una persona mediadora.",
        "evidence_note": "Los informes del programa describen resultados en muchas ciudades. No se publicó ninguna comparación con ciudades sin mediación.",
    },
}
