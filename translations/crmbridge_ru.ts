<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AmoCrm</name>
    <message>
        <source>amoCRM answered the token request without tokens</source>
        <translation>amoCRM ответил на запрос токена без токенов</translation>
    </message>
    <message>
        <source>Not signed in to amoCRM yet: sign in in the browser or paste a code</source>
        <translation>Вход в amoCRM ещё не выполнен: войдите через браузер или вставьте код</translation>
    </message>
    <message>
        <source>amoCRM&apos;s answer did not mention this item</source>
        <translation>В ответе amoCRM нет этой записи</translation>
    </message>
    <message>
        <source>Contact %1 is not in the CRM any more</source>
        <translation>Контакта %1 в CRM больше нет</translation>
    </message>
    <message>
        <source>product name</source>
        <translation>название товара</translation>
    </message>
    <message>
        <source>linked company %1</source>
        <translation>связанная компания %1</translation>
    </message>
</context>
<context>
    <name>Bitrix</name>
    <message>
        <source>Paid (Y/N)</source>
        <translation>Оплачен (Y/N)</translation>
    </message>
    <message>
        <source>Amount paid</source>
        <translation>Оплаченная сумма</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <source>Cancelled (Y/N)</source>
        <translation>Отменён (Y/N)</translation>
    </message>
    <message>
        <source>Payer type</source>
        <translation>Тип плательщика</translation>
    </message>
    <message>
        <source>Legal entity (Y/N)</source>
        <translation>Юридическое лицо (Y/N)</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>Трек-номер</translation>
    </message>
    <message>
        <source>Manager&apos;s comment</source>
        <translation>Комментарий менеджера</translation>
    </message>
    <message>
        <source>Site (LID)</source>
        <translation>Сайт (LID)</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Скидка</translation>
    </message>
    <message>
        <source>Order property “%1” (%2)</source>
        <translation>Свойство заказа «%1» (%2)</translation>
    </message>
</context>
<context>
    <name>Common</name>
    <message>
        <source>amoCRM refused the deal: %1</source>
        <translation>amoCRM отклонил сделку: %1</translation>
    </message>
</context>
<context>
    <name>Crm</name>
    <message>
        <source>Field “%1” (%2) was renamed to “%3”</source>
        <translation>Поле «%1» (%2) переименовано в «%3»</translation>
    </message>
    <message>
        <source>Field “%1” (%2) was deleted</source>
        <translation>Поле «%1» (%2) удалено</translation>
    </message>
    <message>
        <source>Field %1 changed its type from %2 to %3</source>
        <translation>Поле %1 сменило тип с %2 на %3</translation>
    </message>
    <message>
        <source>Value “%1” (%2) of field %3 was deleted</source>
        <translation>Значение «%1» (%2) поля %3 удалено</translation>
    </message>
    <message>
        <source>Stage “%1” (%2) of pipeline %3 was deleted</source>
        <translation>Этап «%1» (%2) воронки %3 удалён</translation>
    </message>
    <message>
        <source>Stage %1 of pipeline %2 was renamed from “%3” to “%4”</source>
        <translation>Этап %1 воронки %2 переименован из «%3» в «%4»</translation>
    </message>
    <message>
        <source>Pipeline “%1” (%2) was deleted</source>
        <translation>Воронка «%1» (%2) удалена</translation>
    </message>
    <message>
        <source>User “%1” (%2) was deactivated</source>
        <translation>Пользователь «%1» (%2) отключён</translation>
    </message>
    <message>
        <source>User “%1” (%2) was removed</source>
        <translation>Пользователь «%1» (%2) удалён</translation>
    </message>
</context>
<context>
    <name>Crm::AmoCrm::AmoAuth</name>
    <message>
        <source>The authorization code has expired (codes live 20 minutes). Get a new code in the integration&apos;s “Keys and scopes” tab and paste it again.</source>
        <translation>Срок кода авторизации истёк (коды живут 20 минут). Получите новый код на вкладке интеграции «Ключи и доступы» и вставьте его снова.</translation>
    </message>
    <message>
        <source>This authorization code was already used. Each code works once: get a new one in the integration&apos;s “Keys and scopes” tab.</source>
        <translation>Этот код авторизации уже использован. Каждый код работает один раз: получите новый на вкладке интеграции «Ключи и доступы».</translation>
    </message>
    <message>
        <source>amoCRM does not recognise this authorization code (wrong account or a typo).</source>
        <translation>amoCRM не узнаёт этот код авторизации (другой аккаунт или опечатка).</translation>
    </message>
    <message>
        <source>amoCRM refused the refresh token (%1): sign in again</source>
        <translation>amoCRM отклонил токен обновления (%1): войдите заново</translation>
    </message>
    <message>
        <source>amoCRM refused the integration&apos;s client id or secret: %1</source>
        <translation>amoCRM отклонил ID или секретный ключ интеграции: %1</translation>
    </message>
    <message>
        <source>Paste the authorization code or the whole redirect address</source>
        <translation>Вставьте код авторизации или весь адрес перенаправления</translation>
    </message>
    <message>
        <source>Access was declined in amoCRM</source>
        <translation>В amoCRM доступ не разрешён</translation>
    </message>
    <message>
        <source>The pasted address has no “code” parameter</source>
        <translation>В вставленном адресе нет параметра «code»</translation>
    </message>
    <message>
        <source>The redirect names an account at “%1”, which is neither amoCRM nor the configured account; refusing to send the integration&apos;s secret there</source>
        <translation>Перенаправление указывает на аккаунт «%1», это не amoCRM и не настроенный аккаунт; секрет интеграции туда не отправляется</translation>
    </message>
</context>
<context>
    <name>Crm::AmoCrm::AmoBrowserSignIn</name>
    <message>
        <source>No answer from the browser in time; start the sign-in again</source>
        <translation>Браузер не ответил вовремя; начните вход заново</translation>
    </message>
    <message>
        <source>A sign-in is already running; finish or cancel it first</source>
        <translation>Вход уже выполняется; завершите или отмените его</translation>
    </message>
    <message>
        <source>The browser sign-in needs a loopback redirect URI such as http://127.0.0.1:8787/callback registered in the integration; otherwise paste the authorization code</source>
        <translation>Для входа через браузер в интеграции должен быть указан локальный адрес перенаправления, например http://127.0.0.1:8787/callback; иначе вставьте код авторизации</translation>
    </message>
    <message>
        <source>Cannot listen on %1 for the browser&apos;s answer: %2</source>
        <translation>Не удаётся ждать ответ браузера на %1: %2</translation>
    </message>
    <message>
        <source>The long-lived token is empty</source>
        <translation>Долгосрочный токен пуст</translation>
    </message>
    <message>
        <source>The sign-in was cancelled</source>
        <translation>Вход отменён</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Не найдено</translation>
    </message>
    <message>
        <source>This address only takes amoCRM&apos;s sign-in answer.</source>
        <translation>Этот адрес принимает только ответ amoCRM при входе.</translation>
    </message>
    <message>
        <source>No sign-in is waiting</source>
        <translation>Вход сейчас не ожидается</translation>
    </message>
    <message>
        <source>Start the sign-in again in CRM Bridge.</source>
        <translation>Начните вход заново в CRM Bridge.</translation>
    </message>
    <message>
        <source>Access was declined in amoCRM</source>
        <translation>В amoCRM доступ не разрешён</translation>
    </message>
    <message>
        <source>The browser&apos;s answer does not belong to this sign-in (state mismatch); it was ignored. Start the sign-in again.</source>
        <translation>Ответ браузера не относится к этому входу (не совпал state) и проигнорирован. Начните вход заново.</translation>
    </message>
    <message>
        <source>amoCRM&apos;s answer carried no authorization code</source>
        <translation>В ответе amoCRM нет кода авторизации</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Вход выполнен</translation>
    </message>
    <message>
        <source>CRM Bridge is signed in to amoCRM — you can close this tab.</source>
        <translation>CRM Bridge вошёл в amoCRM — эту вкладку можно закрыть.</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Войти не удалось</translation>
    </message>
</context>
<context>
    <name>Crm::AmoCrm::AmoCodec</name>
    <message>
        <source>%1 field “%2”</source>
        <translation>%1: поле «%2»</translation>
    </message>
    <message>
        <source> (from %1)</source>
        <translation> (из %1)</translation>
    </message>
    <message>
        <source>contact name</source>
        <translation>имя контакта</translation>
    </message>
    <message>
        <source>contact phone</source>
        <translation>телефон контакта</translation>
    </message>
    <message>
        <source>contact email</source>
        <translation>email контакта</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>контакт</translation>
    </message>
    <message>
        <source>deal name</source>
        <translation>название сделки</translation>
    </message>
    <message>
        <source>deal price</source>
        <translation>бюджет сделки</translation>
    </message>
    <message>
        <source>pipeline (%1)</source>
        <translation>воронка (%1)</translation>
    </message>
    <message>
        <source>stage (%1)</source>
        <translation>этап (%1)</translation>
    </message>
    <message>
        <source>responsible user (%1)</source>
        <translation>ответственный (%1)</translation>
    </message>
    <message>
        <source>deal field “CRM Bridge ID”</source>
        <translation>поле сделки «CRM Bridge ID»</translation>
    </message>
    <message>
        <source>deal</source>
        <translation>сделка</translation>
    </message>
    <message>
        <source>linked contact %1</source>
        <translation>связанный контакт %1</translation>
    </message>
    <message>
        <source>The contact has %1 custom field values; amoCRM takes at most %2 per entity. Map fewer contact fields.</source>
        <translation>У контакта %1 значений дополнительных полей; amoCRM принимает не больше %2. Сопоставьте меньше полей контакта.</translation>
    </message>
    <message>
        <source>company</source>
        <translation>компания</translation>
    </message>
</context>
<context>
    <name>Crm::AmoCrm::AmoCrmConnector</name>
    <message>
        <source>stage %1</source>
        <translation>этап %1</translation>
    </message>
    <message>
        <source>pipeline %1</source>
        <translation>воронка %1</translation>
    </message>
    <message>
        <source>deal %1</source>
        <translation>сделка %1</translation>
    </message>
    <message>
        <source>amoCRM made no products list</source>
        <translation>amoCRM не создал список товаров</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Товары</translation>
    </message>
    <message>
        <source>Customers are switched off in amoCRM: turn them on (Settings → Customers, dynamic segmentation), then resend (amoCRM: %1)</source>
        <translation>В amoCRM выключены покупатели: включите их (Настройки → Покупатели, динамическая сегментация) и отправьте снова (amoCRM: %1)</translation>
    </message>
    <message>
        <source>The buyer has no contact to find its customer by</source>
        <translation>У покупателя нет контакта, по которому найти его покупателя в CRM</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>Покупатель</translation>
    </message>
    <message>
        <source>amoCRM answered the new customer without its id</source>
        <translation>amoCRM ответила о новом покупателе без его id</translation>
    </message>
    <message>
        <source>The products list has more than %1 elements, more than CRM Bridge reads to see which were deleted</source>
        <translation>В списке товаров больше %1 элементов — больше, чем CRM Bridge читает, чтобы увидеть удалённые</translation>
    </message>
</context>
<context>
    <name>Crm::AmoCrm::AmoOAuthSession</name>
    <message>
        <source>amoCRM needs a new sign-in</source>
        <translation>В amoCRM нужно войти заново</translation>
    </message>
    <message>
        <source>amoCRM refused the long-lived token (%1): paste a new one</source>
        <translation>amoCRM отклонил долгосрочный токен (%1): вставьте новый</translation>
    </message>
    <message>
        <source>The refresh was abandoned</source>
        <translation>Обновление токена прервано</translation>
    </message>
    <message>
        <source>amoCRM issued new tokens but they could not be stored (%1); the old ones stay valid and the refresh will be tried again</source>
        <translation>amoCRM выдал новые токены, но сохранить их не удалось (%1); старые остаются действительными, обновление будет повторено</translation>
    </message>
    <message>
        <source>keep-alive</source>
        <translation>поддержание входа</translation>
    </message>
    <message>
        <source>The long-lived amoCRM token expires on %1: paste a new one before then</source>
        <translation>Долгосрочный токен amoCRM истекает %1: вставьте новый до этого срока</translation>
    </message>
    <message>
        <source>amoCRM access ends on %1 and could not be renewed (%2): sign in again before then</source>
        <translation>Доступ к amoCRM закончится %1, продлить его не удалось (%2): войдите заново до этого срока</translation>
    </message>
</context>
<context>
    <name>Crm::CrmConnector</name>
    <message>
        <source>%1 cannot post stage changes to a URL: use polling</source>
        <translation>%1 не умеет отправлять смены этапов на адрес: используйте опрос</translation>
    </message>
    <message>
        <source>%1 has no customers to take purchases: send the shop&apos;s sales as deals</source>
        <translation>В %1 нет покупателей, чтобы принять покупки: отправляйте продажи магазина сделками</translation>
    </message>
</context>
<context>
    <name>Crm::FollowUp</name>
    <message>
        <source>fields beyond the first 40</source>
        <translation>поля после первых 40</translation>
    </message>
    <message>
        <source>note</source>
        <translation>примечание</translation>
    </message>
    <message>
        <source>products</source>
        <translation>товары</translation>
    </message>
</context>
<context>
    <name>Crm::RetailCrm::RetailCrmConnector</name>
    <message>
        <source>RetailCRM cannot be subscribed to status changes through its API (its triggers are set up by hand in the CRM and are not retried): use polling of the order history instead (crmbridgectl backsync enable NAME --poll [--interval S])</source>
        <translation>На смены статусов в RetailCRM нельзя подписаться через его API (триггеры настраиваются вручную в самой CRM и не повторяются): используйте опрос истории заказов (crmbridgectl backsync enable NAME --poll [--interval S])</translation>
    </message>
    <message>
        <source>No secret store</source>
        <translation>Нет хранилища секретов</translation>
    </message>
    <message>
        <source>This RetailCRM connection has no API key: add it again with its key (crmbridgectl connection add retailcrm … reads it from stdin)</source>
        <translation>У этого подключения к RetailCRM нет API-ключа: добавьте его заново с ключом (crmbridgectl connection add retailcrm … читает его из stdin)</translation>
    </message>
    <message>
        <source>The API key cannot see site “%1” (it sees: %2)</source>
        <translation>API-ключу не виден магазин «%1» (видны: %2)</translation>
    </message>
    <message>
        <source>API key (%1)</source>
        <translation>API-ключ (%1)</translation>
    </message>
    <message>
        <source>RetailCRM has custom fields for orders and customers only; map this value to an order or customer field</source>
        <translation>В RetailCRM пользовательские поля есть только у заказов и клиентов; сопоставьте это значение с полем заказа или клиента</translation>
    </message>
    <message>
        <source>The order&apos;s status is set, but its payment could not be marked paid: %1</source>
        <translation>Статус заказа установлен, но оплату не удалось отметить оплаченной: %1</translation>
    </message>
</context>
<context>
    <name>Ctl</name>
    <message>
        <source>Every operator action on the store, newest first: mappings saved and rolled back, jobs resent and cancelled,
connections and sources added, changed, switched and removed, sign-ins, settings and hooks,
with the time, the OS user and host, and the tool.</source>
        <translation>Все действия операторов с хранилищем, начиная с новых: сохранения и откаты сопоставлений, повторы и отмены заданий,
добавление, изменение, включение и удаление подключений и источников, входы, настройки и хуки,
с временем, пользователем ОС, хостом и инструментом.</translation>
    </message>
    <message>
        <source>Only these actions (a prefix: mapping, jobs, connection…)</source>
        <translation>Только эти действия (префикс: mapping, jobs, connection…)</translation>
    </message>
    <message>
        <source>Only actions on this connection, source or setting</source>
        <translation>Только действия с этим подключением, источником или настройкой</translation>
    </message>
    <message>
        <source>Only the last DAYS days</source>
        <translation>Только за последние ДНИ дней</translation>
    </message>
    <message>
        <source>How many, newest first</source>
        <translation>Сколько, начиная с новых</translation>
    </message>
    <message>
        <source>Machine-readable output</source>
        <translation>Вывод для программ (JSON)</translation>
    </message>
    <message>
        <source>crmbridgectl: --limit and --since take positive numbers</source>
        <translation>crmbridgectl: --limit и --since — положительные числа</translation>
    </message>
    <message>
        <source>Nothing recorded.</source>
        <translation>Ничего не записано.</translation>
    </message>
    <message>
        <source>The mapping of &quot;%1&quot; was never saved.</source>
        <translation>Сопоставление «%1» ещё не сохранялось.</translation>
    </message>
    <message>
        <source>version %1  %2  %3%4</source>
        <translation>версия %1  %2  %3%4</translation>
    </message>
    <message>
        <source>The mapping of &quot;%1&quot; is version %2 again; running engines use it from their next round.</source>
        <translation>Сопоставление «%1» снова версии %2; работающие движки применят его со следующего цикла.</translation>
    </message>
    <message numerus="yes">
        <source>From version %1 to %2 of &quot;%3&quot;: %n change(s)</source>
        <translation>
            <numerusform>От версии %1 к %2 сопоставления «%3»: %n изменение</numerusform>
            <numerusform>От версии %1 к %2 сопоставления «%3»: %n изменения</numerusform>
            <numerusform>От версии %1 к %2 сопоставления «%3»: %n изменений</numerusform>
        </translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(нет)</translation>
    </message>
    <message>
        <source>Pipelines and stages (pipeline id / stage id: name):</source>
        <translation>Воронки и этапы (id воронки / id этапа: название):</translation>
    </message>
    <message>
        <source>Fields (id, entity, type: name [code]):</source>
        <translation>Поля (id, сущность, тип: название [код]):</translation>
    </message>
    <message>
        <source>Users (id: name, e-mail):</source>
        <translation>Пользователи (id: имя, e-mail):</translation>
    </message>
    <message>
        <source>Usage: crmbridgectl crm schema NAME [--cached] [--json]

Reads the connection&apos;s CRM account now (or, with --cached, what the engine read last) and prints the ids a status map, routing or mapping file names.</source>
        <translation>Использование: crmbridgectl crm schema ИМЯ [--cached] [--json]

Читает аккаунт CRM подключения сейчас (или, с --cached, то, что движок прочитал последним) и печатает id, которые называет карта статусов, маршрутизация или файл сопоставления.</translation>
    </message>
    <message>
        <source>Print the schema read last, without calling the CRM</source>
        <translation>Показать последнюю прочитанную схему, не обращаясь к CRM</translation>
    </message>
    <message>
        <source>crmbridgectl: nothing read from &quot;%1&quot; yet; run without --cached</source>
        <translation>crmbridgectl: из «%1» ещё ничего не прочитано; запустите без --cached</translation>
    </message>
    <message>
        <source>crmbridgectl: unknown state &quot;%1&quot; (pending, running, sending, done, failed, cancelled)</source>
        <translation>crmbridgectl: неизвестное состояние «%1» (pending, running, sending, done, failed, cancelled)</translation>
    </message>
    <message>
        <source>crmbridgectl: --limit takes a positive number</source>
        <translation>crmbridgectl: --limit — положительное число</translation>
    </message>
    <message>
        <source>job</source>
        <translation>задание</translation>
    </message>
    <message>
        <source>state</source>
        <translation>состояние</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>вид</translation>
    </message>
    <message>
        <source>connection</source>
        <translation>подключение</translation>
    </message>
    <message>
        <source>order</source>
        <translation>заказ</translation>
    </message>
    <message>
        <source>cause or result</source>
        <translation>причина или результат</translation>
    </message>
    <message>
        <source>No job matches.</source>
        <translation>Ни одно задание не подходит.</translation>
    </message>
    <message>
        <source>(the newest %1; --limit shows more)</source>
        <translation>(последние %1; больше — с --limit)</translation>
    </message>
    <message>
        <source>%1 failed, cause %2 (%3), last %4: %5</source>
        <translation>не отправлено: %1, причина %2 (%3), последнее %4: %5</translation>
    </message>
    <message>
        <source>No failed jobs.</source>
        <translation>Неотправленных заданий нет.</translation>
    </message>
    <message>
        <source>Resend one cause with `crmbridgectl resend --failed --group CAUSE`.</source>
        <translation>Повторить одну причину: `crmbridgectl resend --failed --group ПРИЧИНА`.</translation>
    </message>
    <message>
        <source>crmbridgectl: jobs show takes a job number</source>
        <translation>crmbridgectl: jobs show — номер задания</translation>
    </message>
    <message>
        <source>Job %1: %2, %3</source>
        <translation>Задание %1: %2, %3</translation>
    </message>
    <message>
        <source>  order: %1  customer: %2  phone: %3  e-mail: %4</source>
        <translation>  заказ: %1  покупатель: %2  телефон: %3  e-mail: %4</translation>
    </message>
    <message>
        <source>  connection: %1  source: %2 (%3)</source>
        <translation>  подключение: %1  источник: %2 (%3)</translation>
    </message>
    <message>
        <source>  attempts: %1 of %2, next %3</source>
        <translation>  попыток: %1 из %2, следующая %3</translation>
    </message>
    <message>
        <source>  in the CRM: %1</source>
        <translation>  в CRM: %1</translation>
    </message>
    <message>
        <source>  last error (%1, cause %2): %3</source>
        <translation>  последняя ошибка (%1, причина %2): %3</translation>
    </message>
    <message>
        <source>  try %1 at %2: %3%4</source>
        <translation>  попытка %1 в %2: %3%4</translation>
    </message>
    <message>
        <source>  call %1 at %2: %3 %4 → %5</source>
        <translation>  вызов %1 в %2: %3 %4 → %5</translation>
    </message>
    <message>
        <source>Usage: crmbridgectl jobs list [--failed] [--state S] [--connection NAME] [--search TEXT] [--group CAUSE] [--limit N] [--json]
       crmbridgectl jobs groups [--json]
       crmbridgectl jobs show ID [--json]

--search finds an order by the number the shop shows, a phone in any form, an e-mail or a customer&apos;s name.</source>
        <translation>Использование: crmbridgectl jobs list [--failed] [--state S] [--connection ИМЯ] [--search ТЕКСТ] [--group ПРИЧИНА] [--limit N] [--json]
       crmbridgectl jobs groups [--json]
       crmbridgectl jobs show ID [--json]

--search находит заказ по номеру, как его показывает магазин, по телефону в любом виде, e-mail или имени покупателя.</translation>
    </message>
    <message>
        <source>Only jobs in this state (repeatable)</source>
        <translation>Только задания в этом состоянии (можно несколько раз)</translation>
    </message>
    <message>
        <source>Only failed jobs</source>
        <translation>Только неотправленные задания</translation>
    </message>
    <message>
        <source>Only this connection&apos;s jobs</source>
        <translation>Только задания этого подключения</translation>
    </message>
    <message>
        <source>Order number, phone, e-mail or name</source>
        <translation>Номер заказа, телефон, e-mail или имя</translation>
    </message>
    <message>
        <source>Only failures of this cause (see `jobs groups`)</source>
        <translation>Только ошибки этой причины (см. `jobs groups`)</translation>
    </message>
    <message>
        <source>Usage: crmbridgectl log search TEXT [--connection NAME] [--errors] [--limit N] [--json]
       crmbridgectl log show ID

TEXT is an order number as the shop shows it, a phone in any form or an e-mail (found through the key index), else any text of an address or an error.</source>
        <translation>Использование: crmbridgectl log search ТЕКСТ [--connection ИМЯ] [--errors] [--limit N] [--json]
       crmbridgectl log show ID

ТЕКСТ — номер заказа, как его показывает магазин, телефон в любом виде или e-mail (ищутся по индексу ключей), иначе любой текст адреса или ошибки.</translation>
    </message>
    <message>
        <source>Only this connection&apos;s calls</source>
        <translation>Только вызовы этого подключения</translation>
    </message>
    <message>
        <source>Only calls that failed</source>
        <translation>Только неудачные вызовы</translation>
    </message>
    <message>
        <source>Call %1 at %2 (%3 ms), connection %4, job %5</source>
        <translation>Вызов %1 в %2 (%3 мс), подключение %4, задание %5</translation>
    </message>
    <message>
        <source>Request:
%1
%2</source>
        <translation>Запрос:
%1
%2</translation>
    </message>
    <message>
        <source>Answer:
%1</source>
        <translation>Ответ:
%1</translation>
    </message>
    <message>
        <source>No call matches &quot;%1&quot;.</source>
        <translation>Нет вызовов по «%1».</translation>
    </message>
    <message>
        <source>  job %1</source>
        <translation>  задание %1</translation>
    </message>
    <message>
        <source>Usage: crmbridgectl notify password   (the SMTP password on stdin, kept in the secret store)
       crmbridgectl notify test       (a test message through notify.smtp and notify.command)

The engine sends a digest when jobs fail, a lane pauses or a sign-in runs out; set it up with
`crmbridgectl settings set` notify.to, notify.smtp, notify.smtp_user, notify.from,
notify.command, notify.language (ru|en) and notify.digest_interval_s (README, &quot;Notifications&quot;).</source>
        <translation>Использование: crmbridgectl notify password   (пароль SMTP на stdin, хранится в хранилище секретов)
       crmbridgectl notify test       (тестовое письмо через notify.smtp и notify.command)

Движок присылает сводку, когда задания не отправлены, линия приостановлена или заканчивается вход; настройка —
`crmbridgectl settings set` notify.to, notify.smtp, notify.smtp_user, notify.from,
notify.command, notify.language (ru|en) и notify.digest_interval_s (README, «Notifications»).</translation>
    </message>
    <message>
        <source>crmbridgectl: the password is read from stdin and was empty</source>
        <translation>crmbridgectl: пароль читается из stdin, а он пуст</translation>
    </message>
    <message>
        <source>The SMTP password is kept in the secret store (%1).</source>
        <translation>Пароль SMTP сохранён в хранилище секретов (%1).</translation>
    </message>
    <message>
        <source>crmbridgectl: set notify.to and notify.smtp first</source>
        <translation>crmbridgectl: сначала задайте notify.to и notify.smtp</translation>
    </message>
    <message>
        <source>This is a test of CRM Bridge&apos;s failure digests.
</source>
        <translation>Это проверка сводок CRM Bridge об ошибках.
</translation>
    </message>
    <message>
        <source>A test message went to %1.</source>
        <translation>Тестовое письмо отправлено: %1.</translation>
    </message>
    <message>
        <source>Put failed jobs back in the queue (--job IDS | --failed [--group FP] [--ids A-B] [--from DATE] [--to DATE])</source>
        <translation>Вернуть неудавшиеся задания в очередь (--job НОМЕРА | --failed [--group ПРИЧИНА] [--ids A-B] [--from ДАТА] [--to ДАТА])</translation>
    </message>
    <message>
        <source>Resend failed jobs now with the current mapping: some jobs by number, every failed job,
or the failures of one cause (the fingerprint `jobs groups` and the Queue page show),
of a range of job numbers, or queued in a time range. A job whose deal exists only
finishes what is missing on that deal; a delivered job is never sent again.</source>
        <translation>Отправить неудавшиеся задания заново с текущим сопоставлением: задания по номерам, все неудавшиеся
или неудачи одной причины (отпечаток, который показывают `jobs groups` и страница «Очередь»),
из диапазона номеров или поставленные в очередь за период. Задание, сделка которого уже есть,
лишь доделывает недостающее в этой сделке; доставленное задание не отправляется повторно.</translation>
    </message>
    <message>
        <source>Jobs by number: 12, 12,15 or 20-35 (repeatable)</source>
        <translation>Задания по номерам: 12, 12,15 или 20-35 (можно повторять)</translation>
    </message>
    <message>
        <source>Every failed job (narrowed by the options below)</source>
        <translation>Все неудавшиеся задания (можно сузить параметрами ниже)</translation>
    </message>
    <message>
        <source>With --failed: only this cause</source>
        <translation>С --failed: только эта причина</translation>
    </message>
    <message>
        <source>With --failed: only job numbers A to B</source>
        <translation>С --failed: только задания с номерами от A до B</translation>
    </message>
    <message>
        <source>With --failed: only jobs queued from this day or time (2026-12-01 or &quot;2026-12-01 14:00&quot;, local time)</source>
        <translation>С --failed: только задания, поставленные в очередь начиная с этого дня или времени (2026-12-01 или &quot;2026-12-01 14:00&quot;, местное время)</translation>
    </message>
    <message>
        <source>With --failed: only jobs queued before the end of this day (or before this time)</source>
        <translation>С --failed: только задания, поставленные в очередь до конца этого дня (или до этого времени)</translation>
    </message>
    <message>
        <source>Usage: crmbridgectl resend --job IDS | --failed [--group FINGERPRINT] [--ids A-B] [--from DATE] [--to DATE]</source>
        <translation>Использование: crmbridgectl resend --job НОМЕРА | --failed [--group ОТПЕЧАТОК] [--ids A-B] [--from ДАТА] [--to ДАТА]</translation>
    </message>
    <message>
        <source>crmbridgectl: --job takes job numbers: 12, 12,15 or 20-35</source>
        <translation>crmbridgectl: --job принимает номера заданий: 12, 12,15 или 20-35</translation>
    </message>
    <message>
        <source>crmbridgectl: --ids takes a range of job numbers: 20-35</source>
        <translation>crmbridgectl: --ids принимает диапазон номеров заданий: 20-35</translation>
    </message>
    <message>
        <source>crmbridgectl: --from and --to take a date (2026-12-01) or a date and time (&quot;2026-12-01 14:00&quot;)</source>
        <translation>crmbridgectl: --from и --to принимают дату (2026-12-01) или дату и время (&quot;2026-12-01 14:00&quot;)</translation>
    </message>
    <message>
        <source>Job %1 is %2: not resent%3</source>
        <translation>Задание %1 в состоянии %2: не отправлено повторно%3</translation>
    </message>
    <message>
        <source> (deal %1)</source>
        <translation> (сделка %1)</translation>
    </message>
    <message>
        <source>Job %1: deal %2 exists; the resend adds what is missing (%3), no new deal</source>
        <translation>Задание %1: сделка %2 уже есть; повторная отправка добавит недостающее (%3), новой сделки не будет</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) requeued</source>
        <translation>
            <numerusform>%n задание возвращено в очередь</numerusform>
            <numerusform>%n задания возвращены в очередь</numerusform>
            <numerusform>%n заданий возвращено в очередь</numerusform>
        </translation>
    </message>
    <message>
        <source>never</source>
        <translation>никогда</translation>
    </message>
    <message>
        <source>%1 → %2 (dry run, nothing sent): %3 products; %4 to create, %5 to update, %6 to delete, %7 unchanged, %9 to unlink (removed products: %8)</source>
        <translation>%1 → %2 (пробный прогон, ничего не отправлено): товаров %3; создать %4, обновить %5, удалить %6, без изменений %7, отвязать %9 (удалённые товары: %8)</translation>
    </message>
    <message>
        <source> (no longer sold)</source>
        <translation> (больше не продаётся)</translation>
    </message>
    <message>
        <source>create</source>
        <translation>создать</translation>
    </message>
    <message>
        <source>update</source>
        <translation>обновить</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>удалить</translation>
    </message>
    <message>
        <source>  … and %1 more</source>
        <translation>  … и ещё %1</translation>
    </message>
    <message>
        <source>%1 is a %2 connection: its catalogue is the ICML file (crmbridgectl icml)</source>
        <translation>%1 — подключение %2: его каталог — файл ICML (crmbridgectl icml)</translation>
    </message>
    <message>
        <source>no shop sends to %1</source>
        <translation>ни один магазин не передаёт данные в %1</translation>
    </message>
    <message>
        <source>%1 → %2: catalogue run queued; the engine sends it</source>
        <translation>%1 → %2: выгрузка каталога поставлена в очередь; её отправит движок</translation>
    </message>
    <message>
        <source>%1 → %2: a catalogue run is already waiting</source>
        <translation>%1 → %2: выгрузка каталога уже ждёт в очереди</translation>
    </message>
    <message>
        <source>every %1 min</source>
        <translation>каждые %1 мин</translation>
    </message>
    <message>
        <source>on demand</source>
        <translation>по запросу</translation>
    </message>
    <message>
        <source>%1: %2 products linked; %3; removed products: %4</source>
        <translation>%1: связано товаров: %2; %3; удалённые товары: %4</translation>
    </message>
    <message>
        <source>  %1: last run %2: %3 products, %4 created, %5 updated, %6 retired, %7 failed%8</source>
        <translation>  %1: последняя выгрузка %2: товаров %3, создано %4, обновлено %5, снято %6, не отправлено %7%8</translation>
    </message>
    <message>
        <source>%1: off</source>
        <translation>%1: выключено</translation>
    </message>
    <message>
        <source>%1: webhook to %2/hooks/%3/… (account %4)</source>
        <translation>%1: вебхук на %2/hooks/%3/… (аккаунт %4)</translation>
    </message>
    <message>
        <source>%1: polling every %2 s</source>
        <translation>%1: опрос каждые %2 с</translation>
    </message>
    <message>
        <source>How each connection&apos;s CRM stage changes come back to the shop.</source>
        <translation>Как смена этапов в CRM возвращается в магазин по каждому подключению.</translation>
    </message>
    <message>
        <source>Bring the CRM&apos;s stage changes back to the shop: by webhook (--url: the public
address that forwards to this machine&apos;s intake server) or by polling the
CRM&apos;s events (--poll). `crmbridgectl run` applies them.</source>
        <translation>Возвращать смену этапов из CRM в магазин: через вебхук (--url: публичный
адрес, который перенаправляет на сервер приёма этой машины) или опросом
событий CRM (--poll). Применяет их `crmbridgectl run`.</translation>
    </message>
    <message>
        <source>Stop bringing the CRM&apos;s stage changes back (removes the webhook from the CRM).</source>
        <translation>Больше не возвращать смену этапов из CRM (вебхук удаляется из CRM).</translation>
    </message>
    <message>
        <source>The connection&apos;s name</source>
        <translation>Имя подключения</translation>
    </message>
    <message>
        <source>Public URL forwarding to the intake server, e.g. https://bridge.example.ru</source>
        <translation>Публичный адрес, перенаправляющий на сервер приёма, например https://bridge.example.ru</translation>
    </message>
    <message>
        <source>Poll the CRM&apos;s events instead of a webhook</source>
        <translation>Опрашивать события CRM вместо вебхука</translation>
    </message>
    <message>
        <source>Polling interval in seconds (default 30)</source>
        <translation>Интервал опроса в секундах (по умолчанию 30)</translation>
    </message>
    <message>
        <source>amoCRM loss reason id sent with moves to &quot;lost&quot; (143)</source>
        <translation>id причины отказа amoCRM, передаваемый при переводе в «Закрыто и не реализовано» (143)</translation>
    </message>
    <message>
        <source>usage: backsync enable NAME --url PUBLIC_URL | --poll [--interval S]</source>
        <translation>использование: backsync enable ИМЯ --url ПУБЛИЧНЫЙ_URL | --poll [--interval С]</translation>
    </message>
    <message>
        <source>usage: backsync disable NAME</source>
        <translation>использование: backsync disable ИМЯ</translation>
    </message>
    <message>
        <source>give either --url PUBLIC_URL or --poll</source>
        <translation>укажите либо --url ПУБЛИЧНЫЙ_URL, либо --poll</translation>
    </message>
    <message>
        <source>--interval is a number of seconds, at least 1</source>
        <translation>--interval — число секунд, не меньше 1</translation>
    </message>
    <message>
        <source>no connection named &quot;%1&quot; (see `crmbridgectl connection list`)</source>
        <translation>нет подключения с именем «%1» (см. `crmbridgectl connection list`)</translation>
    </message>
    <message>
        <source>CRM stage changes back to the shop: enable NAME --url URL | --poll, disable NAME, status</source>
        <translation>Смена этапов из CRM обратно в магазин: enable ИМЯ --url URL | --poll, disable ИМЯ, status</translation>
    </message>
    <message>
        <source>Usage: crmbridgectl backsync enable NAME --url PUBLIC_URL | --poll [--interval S] [--loss-reason ID]
       crmbridgectl backsync disable NAME
       crmbridgectl backsync status [--json]</source>
        <translation>Использование: crmbridgectl backsync enable ИМЯ --url ПУБЛИЧНЫЙ_URL | --poll [--interval С] [--loss-reason ID]
       crmbridgectl backsync disable ИМЯ
       crmbridgectl backsync status [--json]</translation>
    </message>
    <message>
        <source>usage: backsync enable|disable NAME … | status</source>
        <translation>использование: backsync enable|disable ИМЯ … | status</translation>
    </message>
    <message>
        <source>No connection named &quot;%1&quot; (see `crmbridgectl connection list`)</source>
        <translation>Нет подключения с именем «%1» (см. `crmbridgectl connection list`)</translation>
    </message>
    <message>
        <source>Connection &quot;%1&quot; is not an amoCRM connection</source>
        <translation>Подключение «%1» — не подключение к amoCRM</translation>
    </message>
    <message>
        <source>crmbridgectl: could not start the browser &quot;%1&quot;</source>
        <translation>crmbridgectl: не удалось запустить браузер «%1»</translation>
    </message>
    <message>
        <source>--base-url and --site are required</source>
        <translation>нужны --base-url и --site</translation>
    </message>
    <message>
        <source>the API key is read from stdin and was empty</source>
        <translation>API-ключ читается из stdin, а там пусто</translation>
    </message>
    <message>
        <source>Added RetailCRM connection &quot;%1&quot; (site %2). Check it with `crmbridgectl connection test %1`.</source>
        <translation>Добавлено подключение к RetailCRM «%1» (магазин %2). Проверьте его: `crmbridgectl connection test %1`.</translation>
    </message>
    <message>
        <source>Add a CRM connection. The client secret (amoCRM) or the API key (RetailCRM) is read from stdin.</source>
        <translation>Добавить подключение к CRM. Секретный ключ интеграции (amoCRM) или API-ключ (RetailCRM) читается из stdin.</translation>
    </message>
    <message>
        <source>amocrm or retailcrm</source>
        <translation>amocrm или retailcrm</translation>
    </message>
    <message>
        <source>Your name for the connection</source>
        <translation>Ваше название подключения</translation>
    </message>
    <message>
        <source>The account, e.g. https://example.amocrm.ru</source>
        <translation>Аккаунт, например https://example.amocrm.ru</translation>
    </message>
    <message>
        <source>The integration id</source>
        <translation>ID интеграции</translation>
    </message>
    <message>
        <source>The integration&apos;s redirect URI</source>
        <translation>Адрес перенаправления интеграции (redirect URI)</translation>
    </message>
    <message>
        <source>RetailCRM: the shop&apos;s site code</source>
        <translation>RetailCRM: символьный код магазина</translation>
    </message>
    <message>
        <source>RetailCRM: requests per second (default 10)</source>
        <translation>RetailCRM: запросов в секунду (по умолчанию 10)</translation>
    </message>
    <message>
        <source>usage: connection add amocrm NAME --base-url URL --client-id ID --redirect-uri URI
       connection add retailcrm NAME --base-url URL --site CODE</source>
        <translation>использование: connection add amocrm ИМЯ --base-url URL --client-id ID --redirect-uri URI
               connection add retailcrm ИМЯ --base-url URL --site КОД</translation>
    </message>
    <message>
        <source>--base-url, --client-id and --redirect-uri are required</source>
        <translation>нужны --base-url, --client-id и --redirect-uri</translation>
    </message>
    <message>
        <source>the client secret is read from stdin and was empty</source>
        <translation>секретный ключ интеграции читается из stdin, а там пусто</translation>
    </message>
    <message>
        <source>Added amoCRM connection &quot;%1&quot; (id %2). Sign in with `crmbridgectl login %1 --browser` or --code.</source>
        <translation>Добавлено подключение к amoCRM «%1» (id %2). Войдите: `crmbridgectl login %1 --browser` или --code.</translation>
    </message>
    <message>
        <source>Print JSON</source>
        <translation>Вывести JSON</translation>
    </message>
    <message>
        <source>No connections.</source>
        <translation>Подключений нет.</translation>
    </message>
    <message>
        <source>  long-lived token until %1</source>
        <translation>  долгосрочный токен до %1</translation>
    </message>
    <message>
        <source>  access until %1, refresh until %2</source>
        <translation>  доступ до %1, обновление до %2</translation>
    </message>
    <message>
        <source>
     warning: %1</source>
        <translation>
     внимание: %1</translation>
    </message>
    <message>
        <source>Usage: crmbridgectl connection remove NAME</source>
        <translation>Использование: crmbridgectl connection remove ИМЯ</translation>
    </message>
    <message numerus="yes">
        <source>Removed &quot;%1&quot;; %n of its jobs that were still to be sent are cancelled. Its log and history stay.</source>
        <translation>
            <numerusform>Подключение «%1» удалено; отменено %n его неотправленное задание. Журнал и история сохранены.</numerusform>
            <numerusform>Подключение «%1» удалено; отменено %n его неотправленных задания. Журнал и история сохранены.</numerusform>
            <numerusform>Подключение «%1» удалено; отменено %n его неотправленных заданий. Журнал и история сохранены.</numerusform>
        </translation>
    </message>
    <message>
        <source>Change a connection&apos;s settings.</source>
        <translation>Изменить настройки подключения.</translation>
    </message>
    <message>
        <source>The connection</source>
        <translation>Подключение</translation>
    </message>
    <message>
        <source>Which CRM fields the engine may create when the mapping names one the account lacks: deals, contacts, both as &quot;deals,contacts&quot;, or none</source>
        <translation>Какие поля CRM движок может создавать, если сопоставление называет поле, которого нет в аккаунте: deals (сделки), contacts (контакты), оба как &quot;deals,contacts&quot; или none (никакие)</translation>
    </message>
    <message>
        <source>on: the connection gets the shops&apos; new events and its lane runs; off: nothing new is queued for it and its queued jobs wait</source>
        <translation>on: подключение получает новые события магазинов и его линия работает; off: для него ничего нового не ставится в очередь, а задания в очереди ждут</translation>
    </message>
    <message>
        <source>usage: connection set NAME [--auto-create-fields deals,contacts|none] [--enabled on|off]</source>
        <translation>использование: connection set ИМЯ [--auto-create-fields deals,contacts|none] [--enabled on|off]</translation>
    </message>
    <message>
        <source>--auto-create-fields takes deals, contacts or none, not &quot;%1&quot;</source>
        <translation>--auto-create-fields принимает deals, contacts или none, а не «%1»</translation>
    </message>
    <message>
        <source>--enabled takes on or off, not &quot;%1&quot;</source>
        <translation>--enabled принимает on или off, а не «%1»</translation>
    </message>
    <message>
        <source>&quot;%1&quot; may create missing CRM fields for: %2</source>
        <translation>«%1» может создавать недостающие поля CRM для: %2</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>ничего</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is enabled: it gets the shops&apos; new events (a running engine starts its lane within seconds)</source>
        <translation>Подключение «%1» включено: оно получает новые события магазинов (работающий движок запустит его линию в течение нескольких секунд)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is disabled: nothing new is queued for it, and its queued jobs wait until it is enabled again</source>
        <translation>Подключение «%1» выключено: для него ничего нового не ставится в очередь, а задания в очереди ждут, пока его снова не включат</translation>
    </message>
    <message>
        <source>usage: connection test NAME</source>
        <translation>использование: connection test ИМЯ</translation>
    </message>
    <message>
        <source>connection &quot;%1&quot; does not work: %2</source>
        <translation>подключение «%1» не работает: %2</translation>
    </message>
    <message>
        <source>Account: %1 (%2, id %3)</source>
        <translation>Аккаунт: %1 (%2, id %3)</translation>
    </message>
    <message>
        <source>Signed in as: %1 &lt;%2&gt; (user %3)</source>
        <translation>Вход выполнен как: %1 &lt;%2&gt; (пользователь %3)</translation>
    </message>
    <message>
        <source>Signed in with: %1</source>
        <translation>Вход выполнен: %1</translation>
    </message>
    <message>
        <source>Sign a connection in to amoCRM.</source>
        <translation>Войти в amoCRM для подключения.</translation>
    </message>
    <message>
        <source>The 20-minute authorization code</source>
        <translation>Код авторизации (действует 20 минут)</translation>
    </message>
    <message>
        <source>The whole address the browser was sent to</source>
        <translation>Полный адрес, на который перешёл браузер</translation>
    </message>
    <message>
        <source>Read a long-lived token from stdin</source>
        <translation>Прочитать долгосрочный токен из stdin</translation>
    </message>
    <message>
        <source>Sign in in the browser (loopback redirect URI)</source>
        <translation>Войти через браузер (локальный адрес перенаправления)</translation>
    </message>
    <message>
        <source>Seconds to wait for the browser</source>
        <translation>Сколько секунд ждать браузер</translation>
    </message>
    <message>
        <source>usage: login NAME --code CODE | --redirect-url URL | --long-lived-token-stdin | --browser</source>
        <translation>использование: login ИМЯ --code КОД | --redirect-url URL | --long-lived-token-stdin | --browser</translation>
    </message>
    <message>
        <source>the client secret of &quot;%1&quot; cannot be read: %2</source>
        <translation>не удаётся прочитать секретный ключ интеграции «%1»: %2</translation>
    </message>
    <message>
        <source>Open this address in a browser and allow access:
  %1</source>
        <translation>Откройте этот адрес в браузере и разрешите доступ:
  %1</translation>
    </message>
    <message>
        <source>Waiting for the browser… %1 s left</source>
        <translation>Ждём браузер… осталось %1 с</translation>
    </message>
    <message>
        <source>Exchanging the code…</source>
        <translation>Обмениваем код…</translation>
    </message>
    <message>
        <source>sign-in failed: %1</source>
        <translation>вход не удался: %1</translation>
    </message>
    <message>
        <source>Signed in: &quot;%1&quot; at %2. Check it with `crmbridgectl connection test %1`.</source>
        <translation>Вход выполнен: «%1» в %2. Проверьте подключение: `crmbridgectl connection test %1`.</translation>
    </message>
    <message>
        <source>Add, list and test CRM connections</source>
        <translation>Добавить, показать и проверить подключения к CRM</translation>
    </message>
    <message>
        <source>Usage: crmbridgectl connection add amocrm NAME --base-url URL --client-id ID --redirect-uri URI   (client secret on stdin)
       crmbridgectl connection add retailcrm NAME --base-url URL --site CODE [--rate-limit RPS]   (API key on stdin)
       crmbridgectl connection list [--json]
       crmbridgectl connection test NAME
       crmbridgectl connection set NAME [--auto-create-fields deals,contacts|none] [--enabled on|off]
       crmbridgectl connection remove NAME   (cancels its queued jobs; keeps its history)</source>
        <translation>Использование: crmbridgectl connection add amocrm ИМЯ --base-url URL --client-id ID --redirect-uri URI   (секретный ключ интеграции — в stdin)
               crmbridgectl connection add retailcrm ИМЯ --base-url URL --site КОД [--rate-limit RPS]   (API-ключ — в stdin)
               crmbridgectl connection list [--json]
               crmbridgectl connection test ИМЯ
               crmbridgectl connection set ИМЯ [--auto-create-fields deals,contacts|none] [--enabled on|off]
               crmbridgectl connection remove ИМЯ   (отменяет его задания в очереди; история сохраняется)</translation>
    </message>
    <message>
        <source>unknown connection command &quot;%1&quot; (add, list, test, set, remove)</source>
        <translation>неизвестная команда connection «%1» (add, list, test, set, remove)</translation>
    </message>
    <message>
        <source>Sign a connection in (--code, --redirect-url, --browser …)</source>
        <translation>Вход для подключения (--code, --redirect-url, --browser …)</translation>
    </message>
    <message>
        <source>Usage: crmbridgectl hook set EVENT before|after PATH [--timeout-ms N]
       crmbridgectl hook list
       crmbridgectl hook remove EVENT before|after</source>
        <translation>Использование: crmbridgectl hook set СОБЫТИЕ before|after ПУТЬ [--timeout-ms N]
               crmbridgectl hook list
               crmbridgectl hook remove СОБЫТИЕ before|after</translation>
    </message>
    <message>
        <source>Executable hooks before and after a send (set|list|remove)</source>
        <translation>Исполняемые хуки до и после отправки (set|list|remove)</translation>
    </message>
    <message>
        <source>Executable hooks per event (order.created, form.submitted, …): a before-send
hook may change the draft or veto it, an after-send hook gets the deal id.
The README&apos;s &quot;Hooks&quot; section describes stdin, stdout and exit codes.

</source>
        <translation>Исполняемые хуки для каждого события (order.created, form.submitted, …): хук до отправки
может изменить черновик или запретить отправку, хук после отправки получает id сделки.
stdin, stdout и коды выхода описаны в разделе «Hooks» README.

</translation>
    </message>
    <message>
        <source>How long the hook may take</source>
        <translation>Сколько может работать хук</translation>
    </message>
    <message>
        <source>set, list or remove</source>
        <translation>set, list или remove</translation>
    </message>
    <message>
        <source>No hooks.</source>
        <translation>Хуков нет.</translation>
    </message>
    <message>
        <source>%1 %2 %3 (timeout %4 ms)</source>
        <translation>%1 %2 %3 (тайм-аут %4 мс)</translation>
    </message>
    <message>
        <source>Removed the %1 hook of %2.</source>
        <translation>Хук %1 события %2 удалён.</translation>
    </message>
    <message>
        <source>The %1 hook of %2 is %3 (timeout %4 ms); running engines use it from their next round.</source>
        <translation>Хук %1 события %2: %3 (тайм-аут %4 мс); работающие движки применят его со следующего цикла.</translation>
    </message>
    <message>
        <source>The engine&apos;s settings (list | set KEY VALUE | unset KEY)</source>
        <translation>Настройки движка (list | set КЛЮЧ ЗНАЧЕНИЕ | unset КЛЮЧ)</translation>
    </message>
    <message>
        <source>list, set or unset</source>
        <translation>list, set или unset</translation>
    </message>
    <message>
        <source>Usage: crmbridgectl settings list | set KEY VALUE | unset KEY</source>
        <translation>Использование: crmbridgectl settings list | set КЛЮЧ ЗНАЧЕНИЕ | unset КЛЮЧ</translation>
    </message>
    <message>
        <source>on</source>
        <comment>a setting</comment>
        <translation>вкл.</translation>
    </message>
    <message>
        <source>off</source>
        <comment>a setting</comment>
        <translation>выкл.</translation>
    </message>
    <message>
        <source>Write a new secret key file (mode 0600; never overwrites)</source>
        <translation>Записать новый файл секретного ключа (права 0600; никогда не перезаписывает)</translation>
    </message>
    <message>
        <source>Write a new random secret key to FILE, readable by its owner only. Secrets are kept
encrypted in the store under it: give it to every command as --secret-key-file FILE, or
to the service as the systemd credential %1
(LoadCredential=%1:FILE). An existing file is never replaced: the secrets stored
under a key cannot be read without it, so keep a copy of it somewhere safe.</source>
        <translation>Записать новый случайный секретный ключ в ФАЙЛ, доступный для чтения только владельцу. Секреты хранятся
в хранилище зашифрованными этим ключом: передавайте его каждой команде как --secret-key-file ФАЙЛ или
службе как учётные данные systemd %1
(LoadCredential=%1:ФАЙЛ). Существующий файл никогда не заменяется: секреты, сохранённые
под ключом, без него не прочитать, поэтому храните его копию в надёжном месте.</translation>
    </message>
    <message>
        <source>The key file to create</source>
        <translation>Создаваемый файл ключа</translation>
    </message>
    <message>
        <source>Usage: crmbridgectl keygen FILE</source>
        <translation>Использование: crmbridgectl keygen ФАЙЛ</translation>
    </message>
    <message>
        <source>Wrote a new secret key to %1 (mode 0600).
Use it with `crmbridgectl --secret-key-file %1 …`, or in the service&apos;s unit:
  LoadCredential=%2:%1</source>
        <translation>Новый секретный ключ записан в %1 (права 0600).
Используйте его так: `crmbridgectl --secret-key-file %1 …` или в юните службы:
  LoadCredential=%2:%1</translation>
    </message>
    <message>
        <source>There is no connection yet: add one with `crmbridgectl connection add`</source>
        <translation>Подключений ещё нет: добавьте подключение командой `crmbridgectl connection add`</translation>
    </message>
    <message>
        <source>There are several connections: say which with --connection NAME</source>
        <translation>Подключений несколько: укажите нужное через --connection ИМЯ</translation>
    </message>
    <message>
        <source>crmbridgectl: cannot write %1: %2</source>
        <translation>crmbridgectl: не удаётся записать %1: %2</translation>
    </message>
    <message>
        <source>Exported the mapping of &quot;%1&quot; to %2%3</source>
        <translation>Сопоставление «%1» выгружено в %2%3</translation>
    </message>
    <message>
        <source> (the defaults: none was saved yet)</source>
        <translation> (по умолчанию: сохранённого ещё нет)</translation>
    </message>
    <message>
        <source>  %1 field “%2” (%3) for rows %4</source>
        <translation>  %1: поле «%2» (%3) для строк %4</translation>
    </message>
    <message>
        <source>crmbridgectl: cannot read %1: %2</source>
        <translation>crmbridgectl: не удаётся прочитать %1: %2</translation>
    </message>
    <message>
        <source>crmbridgectl: %1 was not imported; nothing changed.
%2</source>
        <translation>crmbridgectl: %1 не загружен; ничего не изменилось.
%2</translation>
    </message>
    <message>
        <source>Imported %1 into the mapping of &quot;%2&quot;%3</source>
        <translation>%1 загружен в сопоставление «%2»%3</translation>
    </message>
    <message>
        <source> (checked for structure only: the CRM&apos;s fields are not known yet)</source>
        <translation> (проверена только структура: поля CRM ещё неизвестны)</translation>
    </message>
    <message numerus="yes">
        <source>The CRM lacks %n of its fields; the bridge creates them before the next send, or now with `crmbridgectl mapping create-fields %1`:
%2</source>
        <translation>
            <numerusform>В CRM нет %n поля из сопоставления; мост создаст его перед следующей отправкой или сейчас по команде `crmbridgectl mapping create-fields %1`:
%2</numerusform>
            <numerusform>В CRM нет %n полей из сопоставления; мост создаст их перед следующей отправкой или сейчас по команде `crmbridgectl mapping create-fields %1`:
%2</numerusform>
            <numerusform>В CRM нет %n полей из сопоставления; мост создаст их перед следующей отправкой или сейчас по команде `crmbridgectl mapping create-fields %1`:
%2</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to create: every field the mapping of &quot;%1&quot; names exists in the CRM%2</source>
        <translation>Создавать нечего: все поля, которые называет сопоставление «%1», в CRM есть%2</translation>
    </message>
    <message numerus="yes">
        <source> (%n row(s) now point at them)</source>
        <translation>
            <numerusform> (на них теперь ссылается %n строка)</numerusform>
            <numerusform> (на них теперь ссылаются %n строки)</numerusform>
            <numerusform> (на них теперь ссылаются %n строк)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Created %n field(s) in the CRM for &quot;%1&quot;; mapping rows pointing at them now: %2
%3</source>
        <translation>
            <numerusform>В CRM создано %n поле для «%1»; строк сопоставления, которые теперь на них ссылаются: %2
%3</numerusform>
            <numerusform>В CRM создано %n поля для «%1»; строк сопоставления, которые теперь на них ссылаются: %2
%3</numerusform>
            <numerusform>В CRM создано %n полей для «%1»; строк сопоставления, которые теперь на них ссылаются: %2
%3</numerusform>
        </translation>
    </message>
    <message>
        <source>Export or import a connection&apos;s mapping as JSON</source>
        <translation>Выгрузить или загрузить сопоставление подключения в JSON</translation>
    </message>
    <message>
        <source>mapping export FILE.json | mapping import FILE.json | mapping create-fields CONNECTION
mapping history CONNECTION | mapping diff CONNECTION [FROM] TO | mapping rollback CONNECTION VERSION
Export the field, status and routing mapping for review or version control, or import one
(validated, all or nothing); or create in the CRM the fields the mapping names and the
account lacks (what the auto_create_*_fields settings let the engine do by itself).
Every saved mapping is a version: history lists them (who, when, with what), diff shows
what changed, rollback saves an earlier version again.</source>
        <translation>mapping export ФАЙЛ.json | mapping import ФАЙЛ.json | mapping create-fields ПОДКЛЮЧЕНИЕ
mapping history ПОДКЛЮЧЕНИЕ | mapping diff ПОДКЛЮЧЕНИЕ [ОТ] ДО | mapping rollback ПОДКЛЮЧЕНИЕ ВЕРСИЯ
Выгрузить сопоставление полей, статусов и маршрутизации для проверки или контроля версий или загрузить его
(с проверкой, всё или ничего); или создать в CRM поля, которые называет сопоставление и которых
нет в аккаунте (то, что настройки auto_create_*_fields позволяют движку делать самому).
Каждое сохранённое сопоставление — версия: history показывает их (кто, когда, чем), diff — что
изменилось, rollback снова сохраняет более раннюю версию.</translation>
    </message>
    <message>
        <source>export, import or create-fields</source>
        <translation>export, import или create-fields</translation>
    </message>
    <message>
        <source>the JSON file (create-fields: the connection)</source>
        <translation>файл JSON (для create-fields — подключение)</translation>
    </message>
    <message>
        <source>The connection (default: the only one)</source>
        <translation>Подключение (по умолчанию — единственное)</translation>
    </message>
    <message>
        <source>Usage: crmbridgectl mapping export|import FILE.json [--connection NAME]
       crmbridgectl mapping create-fields CONNECTION</source>
        <translation>Использование: crmbridgectl mapping export|import ФАЙЛ.json [--connection ИМЯ]
               crmbridgectl mapping create-fields ПОДКЛЮЧЕНИЕ</translation>
    </message>
    <message>
        <source>%1: %2 in %3 written to %4 (served at %5 by the intake server)</source>
        <translation>%1: %2 в %3 записано в %4 (сервер приёма отдаёт по адресу %5)</translation>
    </message>
    <message numerus="yes">
        <source>%n offer(s)</source>
        <translation>
            <numerusform>%n предложение</numerusform>
            <numerusform>%n предложения</numerusform>
            <numerusform>%n предложений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n category(ies)</source>
        <translation>
            <numerusform>%n категории</numerusform>
            <numerusform>%n категориях</numerusform>
            <numerusform>%n категориях</numerusform>
        </translation>
    </message>
    <message>
        <source>Write a shop&apos;s catalogue as RetailCRM ICML, once or every N minutes.</source>
        <translation>Записать каталог магазина в формате ICML для RetailCRM — один раз или каждые N минут.</translation>
    </message>
    <message>
        <source>The shop source</source>
        <translation>Источник (магазин)</translation>
    </message>
    <message>
        <source>The ICML file</source>
        <translation>Файл ICML</translation>
    </message>
    <message>
        <source>The shop&apos;s address, for product links</source>
        <translation>Адрес магазина для ссылок на товары</translation>
    </message>
    <message>
        <source>The shop&apos;s name in the catalogue</source>
        <translation>Название магазина в каталоге</translation>
    </message>
    <message>
        <source>Write it again every N minutes until stopped</source>
        <translation>Записывать заново каждые N минут до остановки</translation>
    </message>
    <message>
        <source>usage: icml export --source NAME --out FILE [--site-url URL] [--every MINUTES]</source>
        <translation>использование: icml export --source ИМЯ --out ФАЙЛ [--site-url URL] [--every МИНУТЫ]</translation>
    </message>
    <message>
        <source>--every takes a number of minutes</source>
        <translation>--every — число минут</translation>
    </message>
    <message>
        <source>The RetailCRM connection</source>
        <translation>Подключение к RetailCRM</translation>
    </message>
    <message>
        <source>connection &quot;%1&quot; is not a RetailCRM connection</source>
        <translation>подключение «%1» — не подключение к RetailCRM</translation>
    </message>
    <message>
        <source>… %1 sent (up to shop id %2)</source>
        <translation>… отправлено %1 (до id в магазине %2)</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Покупатели</translation>
    </message>
    <message>
        <source>%1: %2 (run the upload again to resume)</source>
        <translation>%1: %2 (запустите выгрузку снова, чтобы продолжить)</translation>
    </message>
    <message>
        <source>%1: %2 read, %3 uploaded, %4 already there, %5 refused</source>
        <translation>%1: прочитано %2, выгружено %3, уже были %4, отклонено %5</translation>
    </message>
    <message>
        <source>Export the shop catalogue as RetailCRM ICML</source>
        <translation>Выгрузить каталог магазина в ICML для RetailCRM</translation>
    </message>
    <message>
        <source>Usage: crmbridgectl icml export --source NAME --out FILE [--site-url URL] [--shop-name TEXT] [--every MINUTES]</source>
        <translation>Использование: crmbridgectl icml export --source ИМЯ --out ФАЙЛ [--site-url URL] [--shop-name ТЕКСТ] [--every МИНУТЫ]</translation>
    </message>
    <message>
        <source>Run the engine headless (--once: until nothing is due)</source>
        <translation>Запустить движок без интерфейса (--once: пока есть что отправлять)</translation>
    </message>
    <message>
        <source>Run the sync engine: one lane per CRM connection sends the queue. Logs go to stderr in a
journald-friendly form; SIGTERM finishes the rounds in flight and stops.</source>
        <translation>Запустить движок синхронизации: очередь отправляет одна линия на каждое подключение к CRM. Журнал пишется в stderr
в формате для journald; по SIGTERM движок завершает начатые циклы и останавливается.</translation>
    </message>
    <message>
        <source>Send what is due now, then exit</source>
        <translation>Отправить то, что пора отправить, и выйти</translation>
    </message>
    <message>
        <source>crmbridgectl: there is no CRM connection: add one with `crmbridgectl connection add`</source>
        <translation>crmbridgectl: нет подключения к CRM: добавьте его командой `crmbridgectl connection add`</translation>
    </message>
    <message>
        <source>crmbridgectl: every lane is paused (%1); the queue waits</source>
        <translation>crmbridgectl: все линии приостановлены (%1); очередь ждёт</translation>
    </message>
    <message>
        <source>Jobs for %1 (connection %2%3): %4 pending, %5 done, %6 failed</source>
        <translation>Задания для %1 (подключение %2%3): в очереди %4, выполнено %5, не отправлено %6</translation>
    </message>
    <message>
        <source>, disabled</source>
        <translation>, выключено</translation>
    </message>
    <message numerus="yes">
        <source>Waiting for a CRM connection: %n job(s)</source>
        <translation>
            <numerusform>Ждут подключения к CRM: %n задание</numerusform>
            <numerusform>Ждут подключения к CRM: %n задания</numerusform>
            <numerusform>Ждут подключения к CRM: %n заданий</numerusform>
        </translation>
    </message>
    <message>
        <source>held by engine %1 since %2 (last heartbeat %3 s ago)</source>
        <translation>за движком %1 с %2 (последний сигнал %3 с назад)</translation>
    </message>
    <message>
        <source>not held: engine %1 has been silent for %2 s (another engine takes over)</source>
        <translation>ни за кем: движок %1 молчит уже %2 с (его сменит другой движок)</translation>
    </message>
    <message>
        <source>not held by any engine</source>
        <translation>ни за одним движком</translation>
    </message>
    <message>
        <source>Lanes of %1 (connection %2): %3</source>
        <translation>Линии %1 (подключение %2): %3</translation>
    </message>
    <message>
        <source>The store is at schema version %1, this build expects %2: run `crmbridgectl migrate`</source>
        <translation>Схема хранилища версии %1, а эта сборка ожидает %2: выполните `crmbridgectl migrate`</translation>
    </message>
    <message>
        <source>Create or upgrade the store&apos;s schema</source>
        <translation>Создать или обновить схему хранилища</translation>
    </message>
    <message>
        <source>Create or upgrade the store&apos;s schema.</source>
        <translation>Создать или обновить схему хранилища.</translation>
    </message>
    <message>
        <source>The store %1 is up to date (schema version %2).</source>
        <translation>Хранилище %1 в актуальном состоянии (версия схемы %2).</translation>
    </message>
    <message>
        <source>Migrated %1 from schema version %2 to %3.</source>
        <translation>Схема %1 обновлена с версии %2 до %3.</translation>
    </message>
    <message>
        <source>Show job counts by state (--json for machines)</source>
        <translation>Показать число заданий по состояниям (--json — для программ)</translation>
    </message>
    <message>
        <source>Show the queue: job counts by state.</source>
        <translation>Показать очередь: число заданий по состояниям.</translation>
    </message>
    <message>
        <source>Print one JSON object</source>
        <translation>Вывести один объект JSON</translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation>Хранилище: %1</translation>
    </message>
    <message>
        <source>Status lane %1 (connection %2): %3, %4 applied, %5 failed</source>
        <translation>Линия статусов %1 (подключение %2): %3, применено %4, не удалось %5</translation>
    </message>
    <message>
        <source>Lane %1 (connection %2): %3, %4 sent, %5 failed</source>
        <translation>Линия %1 (подключение %2): %3, отправлено %4, не удалось %5</translation>
    </message>
    <message numerus="yes">
        <source>Source %1 (%2): %3, %n event(s) appended</source>
        <translation>
            <numerusform>Источник %1 (%2): %3, добавлено %n событие</numerusform>
            <numerusform>Источник %1 (%2): %3, добавлено %n события</numerusform>
            <numerusform>Источник %1 (%2): %3, добавлено %n событий</numerusform>
        </translation>
    </message>
    <message>
        <source>Deals made with a step left: %1</source>
        <translation>Сделок с недоделанным шагом: %1</translation>
    </message>
    <message>
        <source>  job %1 (%2, %3): %4</source>
        <translation>  задание %1 (%2, %3): %4</translation>
    </message>
    <message>
        <source>Connection %1: %2</source>
        <translation>Подключение %1: %2</translation>
    </message>
    <message>
        <source>Usage: crmbridgectl [--database URL] COMMAND [options]

The CRM Bridge engine and store from the command line.

Global options:
  --database URL  sqlite:///path/file.db or postgresql://user@host:port/db
                  (default: the desktop app&apos;s SQLite store)
  --secret-key-file FILE  keep secrets encrypted in the store under this key
  --help, --version

Commands:
</source>
        <translation>Использование: crmbridgectl [--database URL] КОМАНДА [параметры]

Движок и хранилище CRM Bridge из командной строки.

Общие параметры:
  --database URL  sqlite:///путь/файл.db или postgresql://user@host:port/db
                  (по умолчанию — хранилище SQLite настольного приложения)
  --secret-key-file ФАЙЛ  хранить секреты в хранилище зашифрованными этим ключом
  --help, --version

Команды:
</translation>
    </message>
    <message>
        <source>
Run `crmbridgectl COMMAND --help` for a command&apos;s options.</source>
        <translation>
Параметры команды: `crmbridgectl КОМАНДА --help`.</translation>
    </message>
    <message>
        <source>crmbridgectl: unknown option %1

%2</source>
        <translation>crmbridgectl: неизвестный параметр %1

%2</translation>
    </message>
    <message>
        <source>crmbridgectl: unknown command &quot;%1&quot;

%2</source>
        <translation>crmbridgectl: неизвестная команда «%1»

%2</translation>
    </message>
    <message>
        <source>Who changed what and when: the operators&apos; actions</source>
        <translation>Кто, что и когда изменил: действия операторов</translation>
    </message>
    <message>
        <source>What a CRM account has: pipelines, stages, fields, users (schema)</source>
        <translation>Что есть в аккаунте CRM: воронки, этапы, поля, пользователи (schema)</translation>
    </message>
    <message>
        <source>The queue: list jobs, failures by cause, one job (list|groups|show)</source>
        <translation>Очередь: список заданий, ошибки по причинам, одно задание (list|groups|show)</translation>
    </message>
    <message>
        <source>The operation log: every API call (search|show)</source>
        <translation>Журнал операций: каждый вызов API (search|show)</translation>
    </message>
    <message>
        <source>Failure digests without a console (password | test)</source>
        <translation>Сводки об ошибках без консоли (password | test)</translation>
    </message>
    <message>
        <source>Upload a shop&apos;s registered customers to RetailCRM in batches of 50, also those who never ordered,
before its orders; an interrupted upload resumes after the last batch RetailCRM accepted.
The orders follow with `crmbridgectl source load NAME`: each order once, through the outbox,
sent by the engine in orders/upload batches and linked to these customers.</source>
        <translation>Выгрузить зарегистрированных покупателей магазина в RetailCRM пачками по 50, в том числе тех, кто ещё
ничего не заказывал, до его заказов; прерванная выгрузка продолжается после последней пачки, принятой RetailCRM.
Заказы затем — командой `crmbridgectl source load ИМЯ`: каждый заказ один раз, через очередь отправки;
движок отправляет их пачками orders/upload и связывает с этими покупателями.</translation>
    </message>
    <message>
        <source>Customers (the only kind; kept for scripts)</source>
        <translation>Покупатели (единственный вид; оставлено для сценариев)</translation>
    </message>
    <message>
        <source>Refused: orders are loaded with `source load`</source>
        <translation>Не принимается: заказы загружаются командой `source load`</translation>
    </message>
    <message>
        <source>Stop after N batches</source>
        <translation>Остановиться после N пачек</translation>
    </message>
    <message>
        <source>orders are loaded with `crmbridgectl source load %1`: each order once, in its present status, through the outbox (the engine sends them to RetailCRM in orders/upload batches of 50)</source>
        <translation>заказы загружаются командой `crmbridgectl source load %1`: каждый заказ один раз, в его текущем статусе, через очередь отправки (движок отправляет их в RetailCRM пачками orders/upload по 50)</translation>
    </message>
    <message>
        <source>usage: retailcrm upload --source NAME --connection NAME</source>
        <translation>использование: retailcrm upload --source ИМЯ --connection ИМЯ</translation>
    </message>
    <message>
        <source>Orders: `crmbridgectl source load %1` reads them into the outbox; the engine sends them.</source>
        <translation>Заказы: `crmbridgectl source load %1` помещает их в очередь отправки; движок их отправляет.</translation>
    </message>
    <message>
        <source>RetailCRM: upload the shop&apos;s registered customers</source>
        <translation>RetailCRM: выгрузить зарегистрированных покупателей магазина</translation>
    </message>
    <message>
        <source>Usage: crmbridgectl retailcrm upload --source NAME --connection NAME [--max-batches N]</source>
        <translation>Использование: crmbridgectl retailcrm upload --source ИМЯ --connection ИМЯ [--max-batches N]</translation>
    </message>
    <message>
        <source>The settings every engine and console on the store share (README, &quot;Engine settings&quot;):
contacts.match_rule, contacts.refresh_interval_s, forms.as, forms.as.&lt;connection&gt;,
customers.upsert_contacts, retry.first_delay_s, retry.max_attempts, lane.round_size,
hook.&lt;event&gt;.&lt;before|after&gt;. Engines read them when they start
(hooks: every round). `list` also shows what applies to each connection.</source>
        <translation>Настройки, общие для всех движков и консолей на этом хранилище (README, «Engine settings»):
contacts.match_rule, contacts.refresh_interval_s, forms.as, forms.as.&lt;подключение&gt;,
customers.upsert_contacts, retry.first_delay_s, retry.max_attempts, lane.round_size,
hook.&lt;событие&gt;.&lt;before|after&gt;. Движки читают их при запуске
(хуки — в каждом цикле). `list` также показывает, что действует для каждого подключения.</translation>
    </message>
    <message>
        <source>Connection %1: contacts matched by %2, refreshed every %3 s; forms as %4; customer profiles to contacts: %5; a passing failure retried after %6 s (doubling), at most %7 tries; %8 jobs a round</source>
        <translation>Подключение %1: контакты сопоставляются по %2, обновляются каждые %3 с; формы как %4; профили покупателей в контакты: %5; временная ошибка повторяется через %6 с (с удвоением), не более %7 попыток; заданий за цикл: %8</translation>
    </message>
</context>
<context>
    <name>Engine::CatalogLaneWork</name>
    <message>
        <source>Catalogue: %1 created, %2 updated so far; more to send</source>
        <translation>Каталог: пока создано %1, обновлено %2; отправка продолжается</translation>
    </message>
    <message>
        <source>Catalogue: %1 products, %2 created, %3 updated, %4 retired</source>
        <translation>Каталог: товаров %1, создано %2, обновлено %3, снято %4</translation>
    </message>
    <message>
        <source>; %1 gone from the shop unlinked</source>
        <translation>; %1 удалённых в магазине отвязано</translation>
    </message>
    <message>
        <source>; %1 deleted in the CRM deleted in the shop, %2 kept by the shop</source>
        <translation>; %1 удалённых в CRM удалено в магазине, %2 магазин оставил</translation>
    </message>
</context>
<context>
    <name>Engine::CatalogCrmDeletions</name>
    <message>
        <source>The CRM&apos;s products list lacks %1 of the %2 linked elements of %3; so many at once looks like a list replaced, not products deleted, and nothing was deleted in the shop</source>
        <translation>В списке товаров CRM нет %1 из %2 связанных элементов %3; столько сразу похоже на заменённый список, а не на удалённые товары, и в магазине ничего не удалено</translation>
    </message>
    <message>
        <source>The shop %1 is not open to delete products in</source>
        <translation>Магазин %1 не открыт, товары в нём удалить нельзя</translation>
    </message>
</context>
<context>
    <name>Engine::CatalogSync</name>
    <message>
        <source>%1 of %2 products not sent to the CRM&apos;s catalogue: %3</source>
        <translation>%1 из %2 товаров не отправлены в каталог CRM: %3</translation>
    </message>
</context>
<context>
    <name>Engine::ChangeSender</name>
    <message>
        <source>The order&apos;s deal is not in the CRM yet; the change waits for it</source>
        <translation>Сделки заказа в CRM ещё нет; изменение ждёт её</translation>
    </message>
    <message>
        <source>The profile has no name, phone or email to send</source>
        <translation>В профиле нет имени, телефона или e-mail для отправки</translation>
    </message>
    <message>
        <source>Deal %1 updated</source>
        <translation>Сделка %1 обновлена</translation>
    </message>
    <message>
        <source>Contact %1 updated</source>
        <translation>Контакт %1 обновлён</translation>
    </message>
    <message>
        <source>Contact %1 created</source>
        <translation>Контакт %1 создан</translation>
    </message>
</context>
<context>
    <name>Engine::CreateSender</name>
    <message>
        <source>Merged into deal %1 by the CRM&apos;s duplicate control</source>
        <translation>Объединено со сделкой %1 контролем дублей CRM</translation>
    </message>
    <message>
        <source>Deal %1</source>
        <translation>Сделка %1</translation>
    </message>
    <message>
        <source>Deal %1: %2 added</source>
        <translation>Сделка %1: добавлено: %2</translation>
    </message>
</context>
<context>
    <name>Engine::LaneLeaseKeeper</name>
    <message>
        <source>Another engine took this connection over</source>
        <translation>Это подключение перешло к другому движку</translation>
    </message>
    <message>
        <source>The store could not be reached to renew the lease: %1</source>
        <translation>Не удалось обратиться к хранилищу, чтобы продлить аренду: %1</translation>
    </message>
</context>
<context>
    <name>Engine::LaneWorker</name>
    <message>
        <source>Found in the CRM after a restart: deal %1</source>
        <translation>Найдено в CRM после перезапуска: сделка %1</translation>
    </message>
    <message>
        <source>Reading the CRM&apos;s contacts</source>
        <translation>Читаются контакты из CRM</translation>
    </message>
    <message>
        <source>Deal %1 made, %2 not added: %3 (resend adds it to this deal)</source>
        <translation>Сделка %1 создана, не добавлено: %2: %3 (повторная отправка добавит это в ту же сделку)</translation>
    </message>
    <message>
        <source>Deal %1 made, %2 pending (retry %3): %4</source>
        <translation>Сделка %1 создана, ожидает: %2 (попытка %3): %4</translation>
    </message>
    <message>
        <source>Waiting for the store to confirm this engine holds the connection</source>
        <translation>Ждём, пока хранилище подтвердит, что подключение за этим движком</translation>
    </message>
</context>
<context>
    <name>Engine::PurchaseSender</name>
    <message>
        <source>This CRM has no customers</source>
        <translation>В этой CRM нет покупателей</translation>
    </message>
    <message>
        <source>The buyer has no name, phone or email to make a contact of</source>
        <translation>У покупателя нет имени, телефона или e-mail, чтобы создать контакт</translation>
    </message>
    <message>
        <source>The CRM made no contact for the buyer</source>
        <translation>CRM не создала контакт покупателя</translation>
    </message>
    <message>
        <source>Purchase %1 on customer %2</source>
        <translation>Покупка %1 у покупателя %2</translation>
    </message>
    <message>
        <source>Customer %1 updated</source>
        <translation>Покупатель %1 обновлён</translation>
    </message>
</context>
<context>
    <name>Engine::Run</name>
    <message>
        <source>The public URL must be an http(s) address that forwards to this machine, not &quot;%1&quot;</source>
        <translation>Публичный адрес должен быть адресом http(s), который ведёт на этот компьютер, а не «%1»</translation>
    </message>
</context>
<context>
    <name>Engine::StageMoveBatch</name>
    <message>
        <source>A newer status change of the order follows</source>
        <translation>Следом идёт более новая смена статуса заказа</translation>
    </message>
    <message>
        <source>Order %1 has no deal in the CRM yet</source>
        <translation>У заказа %1 ещё нет сделки в CRM</translation>
    </message>
    <message>
        <source>The CRM&apos;s answer had no item for this move</source>
        <translation>В ответе CRM нет элемента для этого перемещения</translation>
    </message>
    <message>
        <source>Deal %1 moved to stage %2 in pipeline %3</source>
        <translation>Сделка %1 перемещена на этап %2 воронки %3</translation>
    </message>
</context>
<context>
    <name>Engine::StatusLaneWorker</name>
    <message>
        <source>Our own move of deal %1 to stage %2: nothing to do in the shop</source>
        <translation>Наше собственное перемещение сделки %1 на этап %2: в магазине ничего не меняем</translation>
    </message>
    <message>
        <source>Deal %1 was not made from a shop order</source>
        <translation>Сделка %1 создана не из заказа магазина</translation>
    </message>
    <message>
        <source>The connection has no status map yet</source>
        <translation>У подключения ещё нет карты статусов</translation>
    </message>
    <message>
        <source>Older than the change already applied to order %1: ignored</source>
        <translation>Старше изменения, уже применённого к заказу %1: пропущено</translation>
    </message>
    <message>
        <source>Order %1 of %2: %3</source>
        <translation>Заказ %1 из %2: %3</translation>
    </message>
    <message>
        <source>Order %1 is already in status %2</source>
        <translation>Заказ %1 уже в статусе %2</translation>
    </message>
    <message>
        <source>Order %1 set to status %2 (%3)</source>
        <translation>Заказу %1 установлен статус %2 (%3)</translation>
    </message>
    <message>
        <source>The engine has no secret store to read the password of source %1</source>
        <translation>У движка нет хранилища секретов, чтобы прочитать пароль источника %1</translation>
    </message>
    <message>
        <source>This engine was given no shop platforms to read</source>
        <translation>Этому движку не передано ни одной платформы магазина для чтения</translation>
    </message>
</context>
<context>
    <name>Gui::AmoSignInPanel</name>
    <message>
        <source>Sign in with the browser</source>
        <translation>Войти через браузер</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Use it</source>
        <translation>Применить</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <source>Or paste a code, the redirect address or a long-lived token</source>
        <translation>Или вставьте код, адрес перенаправления или долгосрочный токен</translation>
    </message>
    <message>
        <source>Secret key:</source>
        <translation>Секретный ключ:</translation>
    </message>
    <message>
        <source>Save the connection first.</source>
        <translation>Сначала сохраните подключение.</translation>
    </message>
    <message>
        <source>Waiting for the browser: allow access there (%1:%2 left).</source>
        <translation>Ждём браузер: разрешите там доступ (осталось %1:%2).</translation>
    </message>
    <message>
        <source>Getting the token…</source>
        <translation>Получаем токен…</translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation>Вход выполнен.</translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation>Войти не удалось: %1</translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation>Вход не выполнен.</translation>
    </message>
    <message>
        <source>Signed in to %1. The token is valid until %2.</source>
        <translation>Вход в %1 выполнен. Токен действует до %2.</translation>
    </message>
    <message>
        <source>Signed in to %1.</source>
        <translation>Вход в %1 выполнен.</translation>
    </message>
    <message>
        <source>Signed in on the engine&apos;s computer; this computer&apos;s keychain has no token. Valid until %1.</source>
        <translation>Вход выполнен на компьютере, где работает обмен; в связке ключей этого компьютера токена нет. Действует до %1.</translation>
    </message>
    <message>
        <source>The integration&apos;s secret key. %1</source>
        <translation>Секретный ключ интеграции. %1</translation>
    </message>
    <message>
        <source>Copy the address</source>
        <translation>Скопировать адрес</translation>
    </message>
    <message>
        <source>The redirect address is copied.</source>
        <translation>Адрес перенаправления скопирован.</translation>
    </message>
    <message>
        <source>In amoCRM: Settings → Integrations → Create integration (external). Give it the redirect address below and the rights it asks for; its Keys tab then shows the integration ID (enter it above and save) and the secret key (enter it here).</source>
        <translation>В amoCRM: Настройки → Интеграции → Создать интеграцию (внешнюю). Укажите адрес перенаправления ниже и запрошенные права; на вкладке «Ключи и доступы» появятся ID интеграции (введите его выше и сохраните) и секретный ключ (введите его здесь).</translation>
    </message>
    <message>
        <source>Redirect address: write one above, e.g. http://127.0.0.1:17817/amocrm, and save.</source>
        <translation>Адрес перенаправления: укажите его выше, например http://127.0.0.1:17817/amocrm, и сохраните.</translation>
    </message>
    <message>
        <source>Redirect address to paste into amoCRM: %1 (click to copy).</source>
        <translation>Адрес перенаправления для amoCRM: %1 (нажмите, чтобы скопировать).</translation>
    </message>
    <message>
        <source>No browser opened: copy the address below into a browser on this computer.</source>
        <translation>Браузер не открылся: скопируйте адрес ниже в браузер на этом компьютере.</translation>
    </message>
    <message>
        <source>Sign-in cancelled.</source>
        <translation>Вход отменён.</translation>
    </message>
    <message>
        <source>Signed in to the account «%1» (%2).</source>
        <translation>Вход выполнен в аккаунт «%1» (%2).</translation>
    </message>
    <message>
        <source>Signed in, but the account could not be read: %1</source>
        <translation>Вход выполнен, но аккаунт прочитать не удалось: %1</translation>
    </message>
</context>
<context>
    <name>Gui::AuditTableModel</name>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>On</source>
        <translation>С чем</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
</context>
<context>
    <name>Gui::AuditText</name>
    <message>
        <source>Mapping saved</source>
        <translation>Сопоставление сохранено</translation>
    </message>
    <message>
        <source>Mapping rolled back</source>
        <translation>Сопоставление откачено</translation>
    </message>
    <message>
        <source>Jobs resent</source>
        <translation>Задания отправлены повторно</translation>
    </message>
    <message>
        <source>Jobs cancelled</source>
        <translation>Задания отменены</translation>
    </message>
    <message>
        <source>Connection added</source>
        <translation>Подключение добавлено</translation>
    </message>
    <message>
        <source>Connection changed</source>
        <translation>Подключение изменено</translation>
    </message>
    <message>
        <source>Connection switched on or off</source>
        <translation>Подключение включено или выключено</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Выполнен вход</translation>
    </message>
    <message>
        <source>Connection removed</source>
        <translation>Подключение удалено</translation>
    </message>
    <message>
        <source>Shop added</source>
        <translation>Магазин добавлен</translation>
    </message>
    <message>
        <source>Shop removed</source>
        <translation>Магазин удалён</translation>
    </message>
    <message>
        <source>Setting changed</source>
        <translation>Настройка изменена</translation>
    </message>
    <message>
        <source>Hook set</source>
        <translation>Хук задан</translation>
    </message>
    <message>
        <source>Hook removed</source>
        <translation>Хук удалён</translation>
    </message>
    <message>
        <source>console</source>
        <translation>консоль</translation>
    </message>
    <message>
        <source>engine</source>
        <translation>движок</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>версия %1</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n изменение</numerusform>
            <numerusform>%n изменения</numerusform>
            <numerusform>%n изменений</numerusform>
        </translation>
    </message>
    <message>
        <source>switched on</source>
        <translation>включено</translation>
    </message>
    <message>
        <source>switched off</source>
        <translation>выключено</translation>
    </message>
    <message numerus="yes">
        <source>%n queued job(s) cancelled</source>
        <translation>
            <numerusform>отменено %n задание в очереди</numerusform>
            <numerusform>отменено %n задания в очереди</numerusform>
            <numerusform>отменено %n заданий в очереди</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s)</source>
        <translation>
            <numerusform>%n задание</numerusform>
            <numerusform>%n задания</numerusform>
            <numerusform>%n заданий</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” → “%2”</source>
        <translation>«%1» → «%2»</translation>
    </message>
    <message>
        <source>Every action</source>
        <translation>Все действия</translation>
    </message>
    <message>
        <source>Mappings</source>
        <translation>Сопоставления</translation>
    </message>
    <message>
        <source>Resends and cancels</source>
        <translation>Повторы и отмены</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Подключения</translation>
    </message>
    <message>
        <source>Shops</source>
        <translation>Магазины</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Hooks</source>
        <translation>Хуки</translation>
    </message>
    <message>
        <source>name</source>
        <translation>имя</translation>
    </message>
    <message>
        <source>address</source>
        <translation>адрес</translation>
    </message>
    <message>
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
    <message>
        <source>platform</source>
        <translation>платформа</translation>
    </message>
    <message>
        <source>site</source>
        <translation>сайт</translation>
    </message>
    <message>
        <source>when</source>
        <translation>когда</translation>
    </message>
    <message>
        <source>command</source>
        <translation>команда</translation>
    </message>
    <message>
        <source>time limit, ms</source>
        <translation>предел времени, мс</translation>
    </message>
    <message>
        <source>requests per second</source>
        <translation>запросов в секунду</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>не задано</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>Gui::BackSyncPanel</name>
    <message>
        <source>Apply</source>
        <translation>Применить</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Выключен</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>Вебхук</translation>
    </message>
    <message>
        <source>Polling</source>
        <translation>Опрос</translation>
    </message>
    <message>
        <source>Public address, e.g. https://bridge.example.ru</source>
        <translation>Публичный адрес, например https://bridge.example.ru</translation>
    </message>
    <message>
        <source>The public address that forwards to this computer&apos;s intake server; the CRM posts its stage changes there.</source>
        <translation>Публичный адрес, который перенаправляет запросы на сервер приёма этого компьютера; CRM отправляет туда смены этапов.</translation>
    </message>
    <message>
        <source>every </source>
        <translation>каждые </translation>
    </message>
    <message>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <source>This CRM cannot post its stage changes: use polling.</source>
        <translation>Эта CRM не умеет отправлять смены этапов: используйте опрос.</translation>
    </message>
    <message>
        <source>Save the connection first.</source>
        <translation>Сначала сохраните подключение.</translation>
    </message>
    <message>
        <source>Off: stage changes made in the CRM do not come back to the shop.</source>
        <translation>Выключен: смены этапов в CRM не возвращаются в магазин.</translation>
    </message>
    <message>
        <source>By webhook: the CRM posts its stage changes to %1 (copy the address below, under Shop and forms).</source>
        <translation>Вебхуком: CRM отправляет смены этапов на %1 (адрес можно скопировать ниже, в разделе «Магазин и формы»).</translation>
    </message>
    <message numerus="yes">
        <source>By polling: the CRM&apos;s stage changes are read every %n second(s).</source>
        <translation>
            <numerusform>Опросом: смены этапов читаются из CRM каждую %n секунду.</numerusform>
            <numerusform>Опросом: смены этапов читаются из CRM каждые %n секунды.</numerusform>
            <numerusform>Опросом: смены этапов читаются из CRM каждые %n секунд.</numerusform>
        </translation>
    </message>
    <message>
        <source>Give the public address that forwards to this computer&apos;s intake server.</source>
        <translation>Укажите публичный адрес, который перенаправляет запросы на сервер приёма этого компьютера.</translation>
    </message>
    <message>
        <source>Registering the webhook with the CRM…</source>
        <translation>Регистрируем вебхук в CRM…</translation>
    </message>
    <message>
        <source>Removing the webhook from the CRM…</source>
        <translation>Удаляем вебхук из CRM…</translation>
    </message>
    <message>
        <source>Asking the CRM…</source>
        <translation>Обращаемся к CRM…</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Готово.</translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation>Не изменено: %1</translation>
    </message>
</context>
<context>
    <name>Gui::CatalogPanel</name>
    <message>
        <source>Sync now</source>
        <translation>Выгрузить сейчас</translation>
    </message>
    <message>
        <source>Queues a catalogue run: the exchange sends the changed products under the account&apos;s rate limit, after any waiting orders</source>
        <translation>Ставит выгрузку каталога в очередь: обмен отправит изменённые товары в пределах лимита запросов аккаунта, после ждущих заказов</translation>
    </message>
    <message>
        <source>RetailCRM downloads the shop&apos;s catalogue as an ICML file (see the shop side)</source>
        <translation>RetailCRM загружает каталог магазина файлом ICML (см. раздел магазина)</translation>
    </message>
    <message>
        <source>Save and sign in to the connection first</source>
        <translation>Сначала сохраните подключение и войдите</translation>
    </message>
    <message numerus="yes">
        <source>every %n minute(s)</source>
        <translation>
            <numerusform>каждую %n минуту</numerusform>
            <numerusform>каждые %n минуты</numerusform>
            <numerusform>каждые %n минут</numerusform>
        </translation>
    </message>
    <message>
        <source>on demand only</source>
        <translation>только по запросу</translation>
    </message>
    <message numerus="yes">
        <source>%n failed run(s) in the queue.</source>
        <translation>
            <numerusform>%n неудавшаяся выгрузка в очереди.</numerusform>
            <numerusform>%n неудавшиеся выгрузки в очереди.</numerusform>
            <numerusform>%n неудавшихся выгрузок в очереди.</numerusform>
        </translation>
    </message>
    <message>
        <source>No catalogue run yet</source>
        <translation>Выгрузок каталога ещё не было</translation>
    </message>
    <message>
        <source>No shop sends to this connection</source>
        <translation>Ни один магазин не передаёт данные в это подключение</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) queued: the exchange sends them</source>
        <translation>
            <numerusform>%n выгрузка поставлена в очередь: её отправит обмен</numerusform>
            <numerusform>%n выгрузки поставлены в очередь: их отправит обмен</numerusform>
            <numerusform>%n выгрузок поставлено в очередь: их отправит обмен</numerusform>
        </translation>
    </message>
    <message>
        <source>A run is already waiting</source>
        <translation>Выгрузка уже ждёт в очереди</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>остаются</translation>
    </message>
    <message>
        <source>marked not sold</source>
        <translation>снимаются с продажи</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>удаляются</translation>
    </message>
    <message numerus="yes">
        <source>%n product(s) in amoCRM&apos;s catalogue. Runs: %1. Removed in the shop: %2.</source>
        <translation>
            <numerusform>%n товар в каталоге amoCRM. Выгрузка: %1. Снятые в магазине: %2.</numerusform>
            <numerusform>%n товара в каталоге amoCRM. Выгрузка: %1. Снятые в магазине: %2.</numerusform>
            <numerusform>%n товаров в каталоге amoCRM. Выгрузка: %1. Снятые в магазине: %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2: %3 products; %4 created, %5 updated, %6 retired, %7 failed</source>
        <translation>%1, %2: товаров %3; создано %4, обновлено %5, снято %6, не отправлено %7</translation>
    </message>
</context>
<context>
    <name>Gui::CodeMapEditor</name>
    <message>
        <source>The CRM accepts an order&apos;s delivery and payment only as one of its own types: pick the type for each of the shop&apos;s methods.</source>
        <translation>CRM принимает доставку и оплату заказа только как один из своих типов: выберите тип для каждого способа магазина.</translation>
    </message>
    <message>
        <source>Paid orders</source>
        <translation>Оплаченные заказы</translation>
    </message>
    <message>
        <source>Shop statuses that mean paid:</source>
        <translation>Статусы магазина, означающие оплату:</translation>
    </message>
    <message>
        <source>CRM payment status then:</source>
        <translation>Статус оплаты в CRM:</translation>
    </message>
    <message>
        <source>Send paid orders as %1</source>
        <translation>Передавать оплаченные заказы как «%1»</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(нет)</translation>
    </message>
    <message>
        <source>%1 (not in the CRM)</source>
        <translation>%1 (нет в CRM)</translation>
    </message>
    <message>
        <source>The shop&apos;s delivery and payment methods are not known yet: they are read from the shop database when the exchange starts.</source>
        <translation>Способы доставки и оплаты магазина ещё неизвестны: они читаются из базы данных магазина, когда запускается обмен.</translation>
    </message>
</context>
<context>
    <name>Gui::CodeMapModel</name>
    <message>
        <source>(no code)</source>
        <translation>(без кода)</translation>
    </message>
    <message>
        <source>%1 (not in the CRM)</source>
        <translation>%1 (нет в CRM)</translation>
    </message>
    <message>
        <source>Shop method %1</source>
        <translation>Способ магазина %1</translation>
    </message>
    <message>
        <source>Shop method %1 is not among the shop&apos;s methods as last read</source>
        <translation>Способа %1 нет среди способов, прочитанных из магазина в последний раз</translation>
    </message>
    <message>
        <source>CRM code: %1</source>
        <translation>Код в CRM: %1</translation>
    </message>
    <message>
        <source>%1 (not in the shop)</source>
        <translation>%1 (нет в магазине)</translation>
    </message>
    <message>
        <source>%1 (switched off)</source>
        <translation>%1 (отключён)</translation>
    </message>
    <message>
        <source>Send %1 without a code</source>
        <translation>Передавать «%1» без кода</translation>
    </message>
    <message>
        <source>Choose the CRM code of %1</source>
        <translation>Выбрать код CRM для «%1»</translation>
    </message>
    <message>
        <source>Shop delivery</source>
        <translation>Доставка в магазине</translation>
    </message>
    <message>
        <source>Shop payment</source>
        <translation>Оплата в магазине</translation>
    </message>
    <message>
        <source>CRM delivery type</source>
        <translation>Тип доставки в CRM</translation>
    </message>
    <message>
        <source>CRM payment type</source>
        <translation>Тип оплаты в CRM</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Проблема</translation>
    </message>
</context>
<context>
    <name>Gui::ConnectionsPage</name>
    <message>
        <source>signed in</source>
        <translation>вход выполнен</translation>
    </message>
    <message>
        <source>needs a new sign-in</source>
        <translation>нужно войти заново</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>на паузе</translation>
    </message>
    <message>
        <source>blocked by the CRM</source>
        <translation>заблокировано CRM</translation>
    </message>
    <message>
        <source>not signed in yet</source>
        <translation>вход ещё не выполнен</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Подключения</translation>
    </message>
    <message>
        <source>New connection</source>
        <translation>Новое подключение</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>amoCRM</source>
        <translation>amoCRM</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <source>Account address:</source>
        <translation>Адрес аккаунта:</translation>
    </message>
    <message>
        <source>Integration ID:</source>
        <translation>ID интеграции:</translation>
    </message>
    <message>
        <source>Redirect address:</source>
        <translation>Адрес перенаправления:</translation>
    </message>
    <message>
        <source>Shop and forms</source>
        <translation>Магазин и формы</translation>
    </message>
    <message>
        <source>Give the connection a name and the account&apos;s address (https://….amocrm.ru).</source>
        <translation>Укажите название подключения и адрес аккаунта (https://….amocrm.ru).</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Сохранено.</translation>
    </message>
    <message>
        <source>RetailCRM, the key works</source>
        <translation>RetailCRM, ключ работает</translation>
    </message>
    <message>
        <source>RetailCRM, replace the key</source>
        <translation>RetailCRM, замените ключ</translation>
    </message>
    <message>
        <source>RetailCRM, key not checked yet</source>
        <translation>RetailCRM, ключ ещё не проверен</translation>
    </message>
    <message>
        <source>RetailCRM…</source>
        <translation>RetailCRM…</translation>
    </message>
    <message>
        <source>CRM stage changes back to the shop</source>
        <translation>Смены этапов из CRM обратно в магазин</translation>
    </message>
    <message>
        <source>RetailCRM</source>
        <translation>RetailCRM</translation>
    </message>
    <message>
        <source>switched off: gets no orders</source>
        <translation>выключено: заказы не передаются</translation>
    </message>
    <message>
        <source>Send the shops&apos; orders, forms and customers to this CRM</source>
        <translation>Передавать в эту CRM заказы, заявки и покупателей магазинов</translation>
    </message>
    <message>
        <source>Switched off, nothing new is queued for this CRM. Jobs already in its queue wait, from the next start of the exchange, until it is switched on again</source>
        <translation>Когда выключено, для этой CRM ничего нового не ставится в очередь. Задания, уже стоящие в её очереди, со следующего запуска обмена ждут, пока её снова не включат</translation>
    </message>
    <message>
        <source>off until it is signed in</source>
        <translation>выключено до входа</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Удалить…</translation>
    </message>
    <message>
        <source>Its waiting and failed jobs are cancelled; delivered jobs and the log stay</source>
        <translation>Его ждущие и неудавшиеся задания отменяются; доставленные задания и журнал остаются</translation>
    </message>
    <message>
        <source>Delete the connection “%1”?</source>
        <translation>Удалить подключение «%1»?</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting or failed job(s) of it will be cancelled. Delivered jobs and the log stay.</source>
        <translation>
            <numerusform>%n его ждущее или неудавшееся задание будет отменено. Доставленные задания и журнал останутся.</numerusform>
            <numerusform>%n его ждущих или неудавшихся задания будут отменены. Доставленные задания и журнал останутся.</numerusform>
            <numerusform>%n его ждущих или неудавшихся заданий будут отменены. Доставленные задания и журнал останутся.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete connection</source>
        <translation>Удаление подключения</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>The connection “%1” was deleted.</source>
        <translation>Подключение «%1» удалено.</translation>
    </message>
    <message>
        <source>Products in the CRM&apos;s catalogue</source>
        <translation>Товары в каталоге CRM</translation>
    </message>
</context>
<context>
    <name>Gui::CredentialHealth</name>
    <message>
        <source>expired</source>
        <translation>истёк</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n день</numerusform>
            <numerusform>%n дня</numerusform>
            <numerusform>%n дней</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n час</numerusform>
            <numerusform>%n часа</numerusform>
            <numerusform>%n часов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n мин</numerusform>
            <numerusform>%n мин</numerusform>
            <numerusform>%n мин</numerusform>
        </translation>
    </message>
    <message>
        <source>No CRM connection yet</source>
        <translation>Подключения к CRM пока нет</translation>
    </message>
    <message>
        <source>CRM: signed in</source>
        <translation>CRM: вход выполнен</translation>
    </message>
    <message>
        <source>CRM sign-in: %1 left</source>
        <translation>Вход в CRM: осталось %1</translation>
    </message>
    <message>
        <source>Not signed in yet: %1</source>
        <translation>Вход ещё не выполнен: %1</translation>
    </message>
    <message>
        <source>CRM sign-in expired: %1</source>
        <translation>Вход в CRM истёк: %1</translation>
    </message>
    <message>
        <source>Needs a new sign-in: %1</source>
        <translation>Нужно войти заново: %1</translation>
    </message>
    <message>
        <source>%1: expiry not known yet</source>
        <translation>%1: срок пока неизвестен</translation>
    </message>
    <message>
        <source>%1 is not signed in yet</source>
        <translation>%1: вход ещё не выполнен</translation>
    </message>
    <message>
        <source>%1 needs a new sign-in</source>
        <translation>%1: нужно войти заново</translation>
    </message>
    <message>
        <source>Access token: until %1</source>
        <translation>Токен доступа: до %1</translation>
    </message>
    <message>
        <source>Refresh token: until %1</source>
        <translation>Токен обновления: до %1</translation>
    </message>
    <message>
        <source>CRM: API key, no expiry</source>
        <translation>CRM: ключ API, без срока</translation>
    </message>
    <message>
        <source>No API key yet: %1</source>
        <translation>Нет ключа API: %1</translation>
    </message>
    <message>
        <source>API key refused: %1</source>
        <translation>Ключ API отклонён: %1</translation>
    </message>
    <message>
        <source>no expiry</source>
        <translation>без срока</translation>
    </message>
    <message>
        <source>%1 API keys do not expire</source>
        <translation>Ключи API %1 не истекают</translation>
    </message>
    <message>
        <source>%1 has no API key yet</source>
        <translation>%1: ещё нет ключа API</translation>
    </message>
    <message>
        <source>%1: the API key was refused, replace the key</source>
        <translation>%1: ключ API отклонён, замените ключ</translation>
    </message>
</context>
<context>
    <name>Gui::CrmTerms</name>
    <message>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>Магазин</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Покупатель</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Менеджер</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Сделка</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Воронка</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Этап</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Контакт</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Бюджет</translation>
    </message>
</context>
<context>
    <name>Gui::CsvExporter</name>
    <message>
        <source>Export cancelled.</source>
        <translation>Выгрузка отменена.</translation>
    </message>
</context>
<context>
    <name>Gui::DashboardPage</name>
    <message>
        <source>Waiting to be sent</source>
        <translation>Ожидают отправки</translation>
    </message>
    <message>
        <source>Being sent</source>
        <translation>Отправляются</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Доставлено</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Ошибки</translation>
    </message>
    <message>
        <source>Oldest waiting</source>
        <translation>Самое старое в очереди</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Сводка</translation>
    </message>
    <message>
        <source>The store cannot be read: %1</source>
        <translation>Не удаётся прочитать хранилище: %1</translation>
    </message>
    <message>
        <source>Open the queue to resend</source>
        <translation>Откройте очередь, чтобы отправить повторно</translation>
    </message>
    <message>
        <source>Nothing needs attention</source>
        <translation>Всё в порядке</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>The queue is empty</source>
        <translation>Очередь пуста</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n мин</numerusform>
            <numerusform>%n мин</numerusform>
            <numerusform>%n мин</numerusform>
        </translation>
    </message>
    <message>
        <source>Delivered today</source>
        <translation>Доставлено сегодня</translation>
    </message>
    <message>
        <source>Latest failures (click to open them in the queue)</source>
        <translation>Последние ошибки (щёлкните, чтобы открыть их в очереди)</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) in the last minute</source>
        <translation>
            <numerusform>%n запрос за минуту</numerusform>
            <numerusform>%n запроса за минуту</numerusform>
            <numerusform>%n запросов за минуту</numerusform>
        </translation>
    </message>
    <message>
        <source>CRM rate limit used</source>
        <translation>Лимит запросов CRM</translation>
    </message>
    <message>
        <source>Sign-in valid for</source>
        <translation>Вход действует ещё</translation>
    </message>
    <message>
        <source>busiest second: %1 of %2</source>
        <translation>пик за секунду: %1 из %2</translation>
    </message>
    <message>
        <source>No failures: every job went through or is still on its way.</source>
        <translation>Ошибок нет: все задания доставлены или ещё в пути.</translation>
    </message>
    <message>
        <source>Shops watched</source>
        <translation>Магазины под наблюдением</translation>
    </message>
    <message>
        <source>CRM lanes running</source>
        <translation>Работающие каналы CRM</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n call(s) in the last minute</source>
        <translation>
            <numerusform>%1: %n запрос за минуту</numerusform>
            <numerusform>%1: %n запроса за минуту</numerusform>
            <numerusform>%1: %n запросов за минуту</numerusform>
        </translation>
    </message>
    <message>
        <source>Show these jobs in the Queue</source>
        <translation>Показать эти задания в очереди</translation>
    </message>
</context>
<context>
    <name>Gui::EngineSettingsForm</name>
    <message>
        <source>By e-mail, then by phone</source>
        <translation>По e-mail, затем по телефону</translation>
    </message>
    <message>
        <source>By phone, then by e-mail</source>
        <translation>По телефону, затем по e-mail</translation>
    </message>
    <message>
        <source>By e-mail only</source>
        <translation>Только по e-mail</translation>
    </message>
    <message>
        <source>By phone only</source>
        <translation>Только по телефону</translation>
    </message>
    <message>
        <source>Never: a new contact for every order</source>
        <translation>Никогда: новый контакт для каждого заказа</translation>
    </message>
    <message>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <source>A deal with its contact</source>
        <translation>Сделка с контактом</translation>
    </message>
    <message>
        <source>amoCRM&apos;s Unsorted, for a manager to accept</source>
        <translation>«Неразобранное» amoCRM, менеджер примет сам</translation>
    </message>
    <message>
        <source>Off: profile changes wait in the queue</source>
        <translation>Выключено: изменения профилей ждут в очереди</translation>
    </message>
    <message>
        <source>On: create or update the customer&apos;s contact</source>
        <translation>Включено: создавать или обновлять контакт покупателя</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> мс</translation>
    </message>
    <message>
        <source>Match a buyer to a CRM contact:</source>
        <translation>Сопоставлять покупателя с контактом CRM:</translation>
    </message>
    <message>
        <source>Which channel finds an existing contact, and wins when the e-mail and the phone point at different contacts.</source>
        <translation>Какой канал находит существующий контакт и какой побеждает, если e-mail и телефон указывают на разные контакты.</translation>
    </message>
    <message>
        <source>Read contacts changed in the CRM every:</source>
        <translation>Читать изменённые в CRM контакты каждые:</translation>
    </message>
    <message>
        <source>Managers&apos; edits reach the local contact index this often.</source>
        <translation>С такой частотой правки менеджеров попадают в локальный индекс контактов.</translation>
    </message>
    <message>
        <source>Web forms become:</source>
        <translation>Веб-формы становятся:</translation>
    </message>
    <message>
        <source>Profile changes:</source>
        <translation>Изменения профилей:</translation>
    </message>
    <message>
        <source>Look for new shop orders every:</source>
        <translation>Проверять новые заказы магазина каждые:</translation>
    </message>
    <message>
        <source>One indexed query a poll; a new order is queued within this time.</source>
        <translation>Один индексированный запрос за проверку; новый заказ попадает в очередь за это время.</translation>
    </message>
    <message>
        <source>Form intake address:</source>
        <translation>Адрес приёма форм:</translation>
    </message>
    <message>
        <source>ADDRESS:PORT the web forms post to, behind your web server. Engines read these settings when they start.</source>
        <translation>АДРЕС:ПОРТ, куда веб-формы отправляют данные (за вашим веб-сервером). Обмен читает эти настройки при запуске.</translation>
    </message>
    <message>
        <source>Write an address and a port, e.g. 127.0.0.1:8088 or [::1]:8088.</source>
        <translation>Укажите адрес и порт, например 127.0.0.1:8088 или [::1]:8088.</translation>
    </message>
    <message>
        <source>Fix the marked field first.</source>
        <translation>Сначала исправьте отмеченное поле.</translation>
    </message>
</context>
<context>
    <name>Gui::EngineStateText</name>
    <message>
        <source>starting</source>
        <translation>запускается</translation>
    </message>
    <message>
        <source>idle, waiting for orders</source>
        <translation>ждёт заказов</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>отправляет</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>на паузе</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>остановлен</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>не запущен</translation>
    </message>
    <message>
        <source>watching</source>
        <translation>наблюдает</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>недоступен</translation>
    </message>
    <message>
        <source>not watched</source>
        <translation>не наблюдается</translation>
    </message>
</context>
<context>
    <name>Gui::FailureAdvice</name>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>нет ответа</translation>
    </message>
    <message>
        <source>The deal exists; a later step (extra fields or the note) failed. Resending completes that step on the same deal and makes no second deal.</source>
        <translation>Сделка есть; не удался следующий шаг (дополнительные поля или примечание). Повторная отправка доделает этот шаг в той же сделке, второй сделки не будет.</translation>
    </message>
    <message>
        <source>The order is linked to another deal already. Check both deals in the CRM; resending makes no new deal.</source>
        <translation>Заказ уже связан с другой сделкой. Проверьте обе сделки в CRM; повторная отправка новой сделки не создаст.</translation>
    </message>
    <message>
        <source>The CRM no longer accepts the sign-in. Sign in again on the Connections page, then resend.</source>
        <translation>CRM больше не принимает вход. Войдите заново на странице «Подключения», затем отправьте заново.</translation>
    </message>
    <message>
        <source>The CRM account is not paid. Pay for it in the CRM, then resend.</source>
        <translation>Аккаунт CRM не оплачен. Оплатите его в CRM, затем отправьте заново.</translation>
    </message>
    <message>
        <source>The CRM refused access (blocked account or address, or missing rights). Check the account in the CRM; resend once it works again.</source>
        <translation>CRM отказала в доступе (аккаунт или адрес заблокирован либо не хватает прав). Проверьте аккаунт в CRM; отправьте заново, когда доступ вернётся.</translation>
    </message>
    <message>
        <source>The CRM asked to slow down. Resend later; the connection keeps to its rate limit.</source>
        <translation>CRM просит снизить частоту запросов. Отправьте заново позже; подключение соблюдает свой лимит.</translation>
    </message>
    <message>
        <source>Something the job refers to is gone in the CRM (a deal, field, pipeline or status). Refresh the CRM&apos;s fields on the Mapping page, fix the mapping, then resend.</source>
        <translation>В CRM больше нет того, на что ссылается задание (сделки, поля, воронки или статуса). Обновите поля CRM на странице «Сопоставление», исправьте сопоставление, затем отправьте заново.</translation>
    </message>
    <message>
        <source>The CRM refused a value. Fix the field named in the error on the Mapping page (or the order in the shop), then resend.</source>
        <translation>CRM не приняла значение. Исправьте поле, названное в ошибке, на странице «Сопоставление» (или заказ в магазине), затем отправьте заново.</translation>
    </message>
    <message>
        <source>The shop&apos;s data could not be turned into a deal. Fix the mapping or the order, then resend.</source>
        <translation>Данные магазина не удалось превратить в сделку. Исправьте сопоставление или заказ, затем отправьте заново.</translation>
    </message>
    <message>
        <source>Something on this computer was not available (database or keychain). Fix it, then resend.</source>
        <translation>На этом компьютере что-то было недоступно (база данных или связка ключей). Устраните это, затем отправьте заново.</translation>
    </message>
    <message>
        <source>The CRM or the network did not answer in time. Resend when the CRM works again; a deal that was made meanwhile is found, not made twice.</source>
        <translation>CRM или сеть не ответили вовремя. Отправьте заново, когда CRM снова заработает; созданная тем временем сделка будет найдена, а не создана второй раз.</translation>
    </message>
    <message>
        <source>Read the error, fix its cause in the mapping or the shop, then resend.</source>
        <translation>Прочитайте ошибку, устраните её причину в сопоставлении или в магазине, затем отправьте заново.</translation>
    </message>
    <message>
        <source>The deal was made; a later step failed</source>
        <translation>Сделка создана, но следующий шаг не прошёл</translation>
    </message>
    <message>
        <source>The order is linked to another deal</source>
        <translation>Заказ уже связан с другой сделкой</translation>
    </message>
    <message>
        <source>The CRM no longer accepts the sign-in</source>
        <translation>CRM больше не принимает вход</translation>
    </message>
    <message>
        <source>The CRM account is not paid</source>
        <translation>Аккаунт CRM не оплачен</translation>
    </message>
    <message>
        <source>The CRM refused access</source>
        <translation>CRM отказала в доступе</translation>
    </message>
    <message>
        <source>The CRM asked to slow down</source>
        <translation>CRM просит снизить частоту запросов</translation>
    </message>
    <message>
        <source>Something the job refers to is gone in the CRM</source>
        <translation>В CRM нет того, на что ссылается задание</translation>
    </message>
    <message>
        <source>The mapping names something the CRM does not have</source>
        <translation>В сопоставлении указано то, чего нет в CRM</translation>
    </message>
    <message>
        <source>The CRM refused a value</source>
        <translation>CRM отклонила значение</translation>
    </message>
    <message>
        <source>The shop&apos;s data could not be made into a deal</source>
        <translation>Из данных магазина не получилось собрать сделку</translation>
    </message>
    <message>
        <source>The database or the keychain was not available</source>
        <translation>База данных или хранилище ключей были недоступны</translation>
    </message>
    <message>
        <source>The CRM or the network did not answer in time</source>
        <translation>CRM или сеть не ответили вовремя</translation>
    </message>
    <message>
        <source>Other error</source>
        <translation>Другая ошибка</translation>
    </message>
</context>
<context>
    <name>Gui::FailureGroupModel</name>
    <message>
        <source>%1
Last failed: %2
%3</source>
        <translation>%1
Последняя ошибка: %2
%3</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) — %1</source>
        <translation>
            <numerusform>%n задание — %1</numerusform>
            <numerusform>%n задания — %1</numerusform>
            <numerusform>%n заданий — %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gui::FieldMapDelegate</name>
    <message>
        <source>(none)</source>
        <translation>(нет)</translation>
    </message>
</context>
<context>
    <name>Gui::FieldMapEditor</name>
    <message>
        <source>Add a row</source>
        <translation>Добавить строку</translation>
    </message>
    <message>
        <source>Remove the row</source>
        <translation>Удалить строку</translation>
    </message>
    <message>
        <source>Create missing fields in the CRM</source>
        <translation>Создавать недостающие поля в CRM</translation>
    </message>
    <message>
        <source>The connection&apos;s consent: a row whose CRM field does not exist yet makes CRM Bridge create that field before it is first used. Saved with the mapping.</source>
        <translation>Согласие подключения: если поля CRM из строки ещё нет, CRM Bridge создаст его перед первым использованием. Сохраняется вместе с сопоставлением.</translation>
    </message>
</context>
<context>
    <name>Gui::FieldMapModel</name>
    <message>
        <source>Add a row</source>
        <translation>Добавить строку</translation>
    </message>
    <message>
        <source>Remove a row</source>
        <translation>Удалить строку</translation>
    </message>
    <message>
        <source>As is</source>
        <translation>Как есть</translation>
    </message>
    <message>
        <source>Trim spaces</source>
        <translation>Убрать пробелы</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Шаблон</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Число</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Join values</source>
        <translation>Объединить значения</translation>
    </message>
    <message>
        <source>Constant</source>
        <translation>Константа</translation>
    </message>
    <message>
        <source>Lookup table</source>
        <translation>Таблица соответствий</translation>
    </message>
    <message>
        <source>Always</source>
        <translation>Всегда</translation>
    </message>
    <message>
        <source>Only if empty</source>
        <translation>Только если пусто</translation>
    </message>
    <message>
        <source>On create only</source>
        <translation>Только при создании</translation>
    </message>
    <message>
        <source>(constant)</source>
        <translation>(константа)</translation>
    </message>
    <message>
        <source>(choose a field)</source>
        <translation>(выберите поле)</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Вкл.</translation>
    </message>
    <message>
        <source>Shop field</source>
        <translation>Поле магазина</translation>
    </message>
    <message>
        <source>Transform</source>
        <translation>Преобразование</translation>
    </message>
    <message>
        <source>CRM field</source>
        <translation>Поле CRM</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>Перезапись</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Проблема</translation>
    </message>
    <message>
        <source>Edit a row</source>
        <translation>Изменить строку</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n value(s)</source>
        <translation>
            <numerusform>%1: %n значение</numerusform>
            <numerusform>%1: %n значения</numerusform>
            <numerusform>%1: %n значений</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gui::FieldRowDetails</name>
    <message>
        <source>Anything else becomes:</source>
        <translation>Всё остальное становится:</translation>
    </message>
    <message>
        <source>An empty value leaves the CRM field as it is</source>
        <translation>Пустое значение оставляет поле CRM как есть</translation>
    </message>
    <message>
        <source>This transform has no settings.</source>
        <translation>У этого преобразования нет настроек.</translation>
    </message>
    <message>
        <source>Name of the new field</source>
        <translation>Название нового поля</translation>
    </message>
    <message>
        <source>text</source>
        <translation>текст</translation>
    </message>
    <message>
        <source>long text</source>
        <translation>длинный текст</translation>
    </message>
    <message>
        <source>number</source>
        <translation>число</translation>
    </message>
    <message>
        <source>date</source>
        <translation>дата</translation>
    </message>
    <message>
        <source>link</source>
        <translation>ссылка</translation>
    </message>
    <message>
        <source>yes/no</source>
        <translation>да/нет</translation>
    </message>
    <message>
        <source>Send to this new field</source>
        <translation>Отправлять в новое поле</translation>
    </message>
    <message>
        <source>The field is created in the CRM before it is first used, when the switch below allows it.</source>
        <translation>Поле создаётся в CRM перед первым использованием, если это разрешает переключатель ниже.</translation>
    </message>
    <message>
        <source>Transform:</source>
        <translation>Преобразование:</translation>
    </message>
    <message>
        <source>Kind of value:</source>
        <translation>Тип значения:</translation>
    </message>
    <message>
        <source>New CRM field:</source>
        <translation>Новое поле CRM:</translation>
    </message>
    <message>
        <source>Order #{order.num} from {customer.name}</source>
        <translation>Заказ №{order.num} от {customer.name}</translation>
    </message>
    <message>
        <source>Insert a field…</source>
        <translation>Вставить поле…</translation>
    </message>
    <message>
        <source>The fields a template can use: picking one puts its {placeholder} in the text.</source>
        <translation>Поля, которые можно использовать в шаблоне: выбранное вставляется в текст как {подстановка}.</translation>
    </message>
    <message>
        <source>dd.MM.yyyy, yyyy-MM-dd HH:mm …, or &quot;unix&quot; for Unix seconds</source>
        <translation>dd.MM.yyyy, yyyy-MM-dd HH:mm … или «unix» для секунд Unix</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Формат:</translation>
    </message>
    <message>
        <source>Time zone:</source>
        <translation>Часовой пояс:</translation>
    </message>
    <message>
        <source>Shop value</source>
        <translation>Значение в магазине</translation>
    </message>
    <message>
        <source>CRM value</source>
        <translation>Значение в CRM</translation>
    </message>
    <message>
        <source>Add a value</source>
        <translation>Добавить значение</translation>
    </message>
    <message>
        <source>Remove the value</source>
        <translation>Удалить значение</translation>
    </message>
    <message>
        <source>Pick a row to edit its transform and its other settings.</source>
        <translation>Выберите строку, чтобы изменить её преобразование и другие настройки.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; → &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; → &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>(no CRM field)</source>
        <translation>(нет поля CRM)</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>Значение:</translation>
    </message>
    <message>
        <source>Separator:</source>
        <translation>Разделитель:</translation>
    </message>
    <message>
        <source>Region for numbers without a code:</source>
        <translation>Регион для номеров без кода:</translation>
    </message>
    <message>
        <source>(this field has no kinds)</source>
        <translation>(у этого поля нет типов)</translation>
    </message>
</context>
<context>
    <name>Gui::FormRoutingModel</name>
    <message>
        <source>first stage (%1)</source>
        <translation>первый этап (%1)</translation>
    </message>
    <message>
        <source>not chosen</source>
        <translation>не выбран</translation>
    </message>
    <message>
        <source>%1 · every form</source>
        <translation>%1 · все формы</translation>
    </message>
    <message>
        <source>Route requests from form %1</source>
        <translation>Маршрут заявок с формы %1</translation>
    </message>
    <message>
        <source>(as every form)</source>
        <translation>(как у всех форм)</translation>
    </message>
    <message>
        <source>(the pipeline&apos;s first stage)</source>
        <translation>(первый этап воронки)</translation>
    </message>
    <message>
        <source>Web form</source>
        <translation>Веб-форма</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Воронка</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Этап</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Ответственный</translation>
    </message>
</context>
<context>
    <name>Gui::HistoryPage</name>
    <message>
        <source>Show</source>
        <translation>Показать</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Действия</translation>
    </message>
    <message>
        <source>Mapping versions</source>
        <translation>Версии сопоставления</translation>
    </message>
    <message>
        <source>History</source>
        <translation>История</translation>
    </message>
</context>
<context>
    <name>Gui::JobDetailPane</name>
    <message>
        <source>delivered</source>
        <translation>доставлено</translation>
    </message>
    <message>
        <source>will retry</source>
        <translation>будет повтор</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <source>given back</source>
        <translation>возвращено в очередь</translation>
    </message>
    <message>
        <source>reconciled</source>
        <translation>сверено</translation>
    </message>
    <message>
        <source>Try</source>
        <translation>Попытка</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Начало</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Итог</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Попытки</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>Данные задания</translation>
    </message>
    <message>
        <source>Select a job to see its attempts and payload.</source>
        <translation>Выберите задание, чтобы увидеть его попытки и данные.</translation>
    </message>
    <message>
        <source>Job %1 · %2 · %3</source>
        <translation>Задание %1 · %2 · %3</translation>
    </message>
    <message>
        <source>Show its log entries</source>
        <translation>Показать его записи в журнале</translation>
    </message>
    <message>
        <source>%1 %2 in %3</source>
        <translation>%1 %2 в %3</translation>
    </message>
    <message>
        <source>Open in %1</source>
        <translation>Открыть в %1</translation>
    </message>
</context>
<context>
    <name>Gui::JobTableModel</name>
    <message>
        <source>Waiting</source>
        <translation>Ожидает</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>В работе</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Отправляется</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Доставлено</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Order or form</source>
        <translation>Заказ или форма</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Покупатель</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Попытки</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Следующая попытка</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Последняя ошибка</translation>
    </message>
    <message>
        <source>New order</source>
        <translation>Новый заказ</translation>
    </message>
    <message>
        <source>Web form</source>
        <translation>Веб-форма</translation>
    </message>
    <message>
        <source>Status change</source>
        <translation>Смена статуса</translation>
    </message>
    <message>
        <source>Waits for the engine to pick its CRM connection.</source>
        <translation>Ждёт, пока обмен выберет для него подключение к CRM.</translation>
    </message>
    <message>
        <source>Waits: the connection “%1” is switched off; it goes when it is switched on.</source>
        <translation>Ждёт: подключение «%1» выключено; задание уйдёт, когда его включат.</translation>
    </message>
    <message>
        <source>goes next at %1</source>
        <translation>уйдёт в %1</translation>
    </message>
    <message>
        <source>goes as soon as the engine gets to it</source>
        <translation>уйдёт, как только до него дойдёт очередь</translation>
    </message>
    <message>
        <source>Try %1 of %2 failed (%3); %4.</source>
        <translation>Попытка %1 из %2 не удалась (%3); %4.</translation>
    </message>
    <message>
        <source>In line; %1.</source>
        <translation>В очереди; %1.</translation>
    </message>
    <message>
        <source>not yet chosen</source>
        <translation>ещё не выбрано</translation>
    </message>
    <message>
        <source>connection off</source>
        <translation>подключение выключено</translation>
    </message>
    <message>
        <source>now</source>
        <translation>сейчас</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Подключение</translation>
    </message>
</context>
<context>
    <name>Gui::LoadProgressPanel</name>
    <message>
        <source>Loading the orders of %1: %2 of %3 read, %4 sent, %5 failed</source>
        <translation>Загрузка заказов %1: прочитано %2 из %3, отправлено %4, с ошибкой %5</translation>
    </message>
    <message>
        <source> — %1 a second, about %2 left</source>
        <translation> — %1 в секунду, осталось около %2</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 ч %2 мин</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 мин %2 с</translation>
    </message>
    <message numerus="yes">
        <source> — stalled: nothing sent for %n min. Is an engine running?</source>
        <translation>
            <numerusform> — остановилась: ничего не отправлено уже %n минуту. Запущен ли движок?</numerusform>
            <numerusform> — остановилась: ничего не отправлено уже %n минуты. Запущен ли движок?</numerusform>
            <numerusform> — остановилась: ничего не отправлено уже %n минут. Запущен ли движок?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gui::LogDetailPane</name>
    <message>
        <source>Copy as curl</source>
        <translation>Скопировать как curl</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Запрос</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Ответ</translation>
    </message>
    <message>
        <source>Select a call to see its request and response.</source>
        <translation>Выберите запрос, чтобы увидеть его тело и ответ.</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>нет ответа</translation>
    </message>
    <message>
        <source>%1 %2
%3 · %4 · %5 ms</source>
        <translation>%1 %2
%3 · %4 · %5 мс</translation>
    </message>
    <message numerus="yes">
        <source>Carried %n job(s): %1</source>
        <translation>
            <numerusform>В вызове %n задание: %1</numerusform>
            <numerusform>В вызове %n задания: %1</numerusform>
            <numerusform>В вызове %n заданий: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Click a job to see it in the Queue</source>
        <translation>Нажмите на задание, чтобы открыть его в очереди</translation>
    </message>
</context>
<context>
    <name>Gui::LogFilterBar</name>
    <message>
        <source>Any time</source>
        <translation>За всё время</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>За последний час</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>За последние 24 часа</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>За последние 7 дней</translation>
    </message>
    <message>
        <source>Every connection</source>
        <translation>Все подключения</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Любой статус</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Успешные</translation>
    </message>
    <message>
        <source>Any error</source>
        <translation>Любая ошибка</translation>
    </message>
    <message>
        <source>Rejected (4xx)</source>
        <translation>Отклонённые (4xx)</translation>
    </message>
    <message>
        <source>Server error (5xx)</source>
        <translation>Ошибка сервера (5xx)</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Нет ответа</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Задание</translation>
    </message>
    <message>
        <source>Search by order number, phone, email, address or error</source>
        <translation>Заказ, телефон, email, адрес или ошибка</translation>
    </message>
</context>
<context>
    <name>Gui::LogPage</name>
    <message>
        <source>Export to CSV…</source>
        <translation>Выгрузить в CSV…</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>Отменить выгрузку</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Журнал</translation>
    </message>
    <message>
        <source>No calls match.</source>
        <translation>Подходящих запросов нет.</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) exported.</source>
        <translation>
            <numerusform>Выгружен %n запрос.</numerusform>
            <numerusform>Выгружено %n запроса.</numerusform>
            <numerusform>Выгружено %n запросов.</numerusform>
        </translation>
    </message>
    <message>
        <source>The file cannot be written: %1</source>
        <translation>Не удаётся записать файл: %1</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Выгрузка…</translation>
    </message>
    <message>
        <source>Export the log</source>
        <translation>Выгрузка журнала</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <source>Search older calls</source>
        <translation>Искать в более старых</translation>
    </message>
    <message numerus="yes">
        <source>No match in the newest %Ln call(s), back to %1.</source>
        <translation>
            <numerusform>Нет совпадений среди последних %Ln запроса (с %1).</numerusform>
            <numerusform>Нет совпадений среди последних %Ln запросов (с %1).</numerusform>
            <numerusform>Нет совпадений среди последних %Ln запросов (с %1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Matches in the newest %Ln call(s), back to %1.</source>
        <translation>
            <numerusform>Совпадения среди последних %Ln запроса (с %1).</numerusform>
            <numerusform>Совпадения среди последних %Ln запросов (с %1).</numerusform>
            <numerusform>Совпадения среди последних %Ln запросов (с %1).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gui::MainWindow</name>
    <message>
        <source>CRM Bridge</source>
        <translation>CRM Bridge</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Сводка</translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation>Хранилище: %1</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Подключения</translation>
    </message>
    <message>
        <source>Mapping</source>
        <translation>Сопоставление</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Очередь</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Журнал</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Engine: %1</source>
        <translation>Обмен: %1</translation>
    </message>
    <message>
        <source>Engine: %1 (%2)</source>
        <translation>Обмен: %1 (%2)</translation>
    </message>
    <message>
        <source>Engine: not running</source>
        <translation>Обмен: не запущен</translation>
    </message>
    <message>
        <source>History</source>
        <translation>История</translation>
    </message>
</context>
<context>
    <name>Gui::MappingPage</name>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Отменить изменения</translation>
    </message>
    <message>
        <source>Mapping</source>
        <translation>Сопоставление</translation>
    </message>
    <message>
        <source>Order fields</source>
        <translation>Поля заказов</translation>
    </message>
    <message>
        <source>Form fields</source>
        <translation>Поля форм</translation>
    </message>
    <message>
        <source>Statuses</source>
        <translation>Статусы</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>Connection:</source>
        <translation>Подключение:</translation>
    </message>
    <message>
        <source>Add a CRM connection on the Connections page first; its mapping is edited here.</source>
        <translation>Сначала добавьте подключение к CRM на странице «Подключения»; его сопоставление настраивается здесь.</translation>
    </message>
    <message>
        <source>Fix the rows marked red to save.</source>
        <translation>Чтобы сохранить, исправьте строки, отмеченные красным.</translation>
    </message>
    <message>
        <source>Unsaved changes.</source>
        <translation>Есть несохранённые изменения.</translation>
    </message>
    <message>
        <source>The CRM&apos;s fields are not loaded yet: sign in on the Connections page to pick them.</source>
        <translation>Поля CRM ещё не загружены: войдите на странице «Подключения», чтобы выбирать их.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Не сохранено: %1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Сохранено.</translation>
    </message>
    <message>
        <source>Routing</source>
        <translation>Маршрутизация</translation>
    </message>
    <message>
        <source>Delivery &amp;&amp; payment</source>
        <translation>Доставка и оплата</translation>
    </message>
    <message>
        <source>Status rows were proposed by matching names: review them on the Statuses tab, then save.</source>
        <translation>Строки статусов предложены по совпадению названий: проверьте их на вкладке «Статусы» и сохраните.</translation>
    </message>
    <message>
        <source>Field “%1” will be created in the CRM before it is first used</source>
        <translation>Поле «%1» будет создано в CRM перед первым использованием</translation>
    </message>
</context>
<context>
    <name>Gui::MappingPreview</name>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>Preview with a recent order or form</source>
        <translation>Предпросмотр на недавнем заказе или заявке</translation>
    </message>
    <message>
        <source>Order %1 · %2</source>
        <translation>Заказ %1 · %2</translation>
    </message>
    <message>
        <source>Form %1 · %2</source>
        <translation>Форма %1 · %2</translation>
    </message>
    <message>
        <source>&lt;p&gt;No orders or forms in the queue yet. When the shop sends one, pick it here to see what the mapping makes of it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;В очереди пока нет заказов и заявок. Когда магазин пришлёт первый, выберите его здесь и посмотрите, что из него сделает сопоставление.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>This record would fail before sending:</source>
        <translation>Эта запись не будет отправлена из-за ошибки:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Теги</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Routing</source>
        <translation>Маршрутизация</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>Skipped rows</source>
        <translation>Пропущенные строки</translation>
    </message>
</context>
<context>
    <name>Gui::MappingVersionsPane</name>
    <message>
        <source>Roll back to this version</source>
        <translation>Вернуть эту версию</translation>
    </message>
    <message>
        <source>Pick a version to see what it changed.</source>
        <translation>Выберите версию, чтобы увидеть, что она изменила.</translation>
    </message>
    <message>
        <source>Mapping of</source>
        <translation>Сопоставление</translation>
    </message>
    <message>
        <source>Version %1 — %2, %3@%4 (%5)</source>
        <translation>Версия %1 — %2, %3@%4 (%5)</translation>
    </message>
    <message>
        <source>No change against the version before it.</source>
        <translation>Ничем не отличается от предыдущей версии.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) against the version before it:</source>
        <translation>
            <numerusform>%n изменение относительно предыдущей версии:</numerusform>
            <numerusform>%n изменения относительно предыдущей версии:</numerusform>
            <numerusform>%n изменений относительно предыдущей версии:</numerusform>
        </translation>
    </message>
    <message>
        <source>Roll back the mapping</source>
        <translation>Откат сопоставления</translation>
    </message>
    <message>
        <source>Make version %1 the mapping of “%2” again? Running engines use it from their next round; the current mapping stays as a version you can return to.</source>
        <translation>Сделать версию %1 снова сопоставлением «%2»? Работающие движки применят её со следующего цикла; текущее сопоставление останется версией, к которой можно вернуться.</translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation>Вернуть</translation>
    </message>
    <message>
        <source>The mapping is version %1 again.</source>
        <translation>Сопоставление снова версии %1.</translation>
    </message>
</context>
<context>
    <name>Gui::OpLogTableModel</name>
    <message>
        <source>%1
Keys: %2</source>
        <translation>%1
Ключи: %2</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>нет ответа</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 мс</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>Канал</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Метод</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Took</source>
        <translation>Длительность</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Задание</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Ошибка</translation>
    </message>
</context>
<context>
    <name>Gui::PaidStatusModel</name>
    <message>
        <source>Status %1 (not in the shop)</source>
        <translation>Статус %1 (нет в магазине)</translation>
    </message>
    <message>
        <source>Shop status %1</source>
        <translation>Статус магазина %1</translation>
    </message>
    <message>
        <source>Mark %1 as paid</source>
        <translation>Считать «%1» оплаченным</translation>
    </message>
    <message>
        <source>Mark %1 as not paid</source>
        <translation>Не считать «%1» оплаченным</translation>
    </message>
    <message>
        <source>Status %1</source>
        <translation>Статус %1</translation>
    </message>
</context>
<context>
    <name>Gui::QueuePage</name>
    <message>
        <source>Resend selected</source>
        <translation>Отправить выбранные заново</translation>
    </message>
    <message>
        <source>Cancel selected</source>
        <translation>Отменить выбранные</translation>
    </message>
    <message>
        <source>Resend all matching</source>
        <translation>Отправить заново все найденные</translation>
    </message>
    <message>
        <source>Cancel all matching</source>
        <translation>Отменить все найденные</translation>
    </message>
    <message>
        <source>Resend this group</source>
        <translation>Отправить группу заново</translation>
    </message>
    <message>
        <source>Show every cause</source>
        <translation>Показать все причины</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Очередь</translation>
    </message>
    <message>
        <source>Search by order number, phone, email or error text</source>
        <translation>Поиск по номеру заказа, телефону, email или тексту ошибки</translation>
    </message>
    <message>
        <source>Failures by cause</source>
        <translation>Ошибки по причинам</translation>
    </message>
    <message>
        <source>No jobs to act on.</source>
        <translation>Нет подходящих заданий.</translation>
    </message>
    <message numerus="yes">
        <source>Resend %n job(s)?</source>
        <translation>
            <numerusform>Отправить заново %n задание?</numerusform>
            <numerusform>Отправить заново %n задания?</numerusform>
            <numerusform>Отправить заново %n заданий?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n job(s)?</source>
        <translation>
            <numerusform>Отменить %n задание?</numerusform>
            <numerusform>Отменить %n задания?</numerusform>
            <numerusform>Отменить %n заданий?</numerusform>
        </translation>
    </message>
    <message>
        <source>Resend</source>
        <translation>Отправить заново</translation>
    </message>
    <message>
        <source>Cancel jobs</source>
        <translation>Отменить задания</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) requeued</source>
        <translation>
            <numerusform>%n задание снова в очереди</numerusform>
            <numerusform>%n задания снова в очереди</numerusform>
            <numerusform>%n заданий снова в очереди</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) cancelled</source>
        <translation>
            <numerusform>%n задание отменено</numerusform>
            <numerusform>%n задания отменены</numerusform>
            <numerusform>%n заданий отменено</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new job(s) arrived: show them</source>
        <translation>
            <numerusform>Пришло %n новое задание: показать</numerusform>
            <numerusform>Пришло %n новых задания: показать</numerusform>
            <numerusform>Пришло %n новых заданий: показать</numerusform>
        </translation>
    </message>
    <message>
        <source>None of these jobs is waiting or failed: nothing to do.</source>
        <translation>Ни одно из этих заданий не ждёт отправки и не завершилось ошибкой: делать нечего.</translation>
    </message>
    <message numerus="yes">
        <source>%n delivered, cancelled or busy job(s) among them stay as they are.</source>
        <translation>
            <numerusform>%n задание из них (доставленное, отменённое или занятое) останется как есть.</numerusform>
            <numerusform>%n задания из них (доставленные, отменённые или занятые) останутся как есть.</numerusform>
            <numerusform>%n заданий из них (доставленных, отменённых или занятых) останутся как есть.</numerusform>
        </translation>
    </message>
    <message>
        <source>Pick a cause to see what to do about it.</source>
        <translation>Выберите причину, чтобы увидеть, что с ней делать.</translation>
    </message>
</context>
<context>
    <name>Gui::RetailConnectionDialog</name>
    <message>
        <source>Check connection</source>
        <translation>Проверить подключение</translation>
    </message>
    <message>
        <source>Replace the API key of %1</source>
        <translation>Замена API-ключа подключения %1</translation>
    </message>
    <message>
        <source>New RetailCRM connection</source>
        <translation>Новое подключение RetailCRM</translation>
    </message>
    <message>
        <source>Check the connection to list the sites</source>
        <translation>Проверьте подключение, чтобы увидеть магазины</translation>
    </message>
    <message>
        <source>The key is made in RetailCRM under Administration → Integration → API access keys; it needs access to the shop&apos;s site.</source>
        <translation>Ключ создаётся в RetailCRM: Администрирование → Интеграция → Ключи доступа к API; ему нужен доступ к магазину.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <source>Account address:</source>
        <translation>Адрес аккаунта:</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>API-ключ:</translation>
    </message>
    <message>
        <source>Site:</source>
        <translation>Магазин:</translation>
    </message>
    <message>
        <source>Give the account&apos;s address, like https://example.retailcrm.ru.</source>
        <translation>Укажите адрес аккаунта, например https://example.retailcrm.ru.</translation>
    </message>
    <message>
        <source>Paste the API key.</source>
        <translation>Вставьте API-ключ.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Проверяем…</translation>
    </message>
    <message>
        <source>The check failed: %1</source>
        <translation>Проверка не прошла: %1</translation>
    </message>
    <message numerus="yes">
        <source>The key works. It sees %n site(s): pick the shop&apos;s.</source>
        <translation>
            <numerusform>Ключ работает. Ему доступен %n магазин: выберите нужный.</numerusform>
            <numerusform>Ключ работает. Ему доступны %n магазина: выберите нужный.</numerusform>
            <numerusform>Ключ работает. Ему доступны %n магазинов: выберите нужный.</numerusform>
        </translation>
    </message>
    <message>
        <source>Give the connection a name.</source>
        <translation>Дайте подключению название.</translation>
    </message>
    <message>
        <source>There is a connection named %1 already.</source>
        <translation>Подключение с названием %1 уже есть.</translation>
    </message>
    <message>
        <source>Pick the shop&apos;s site (check the connection to list them).</source>
        <translation>Выберите магазин (проверьте подключение, чтобы увидеть список).</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Не сохранено: %1</translation>
    </message>
    <message>
        <source>Not saved: the key could not be kept: %1</source>
        <translation>Не сохранено: ключ не удалось сохранить: %1</translation>
    </message>
    <message>
        <source>The key is replaced, but the address and site are not: %1</source>
        <translation>Ключ заменён, но адрес и магазин — нет: %1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Сохранено.</translation>
    </message>
    <message>
        <source>The key works. It sees one site, chosen below.</source>
        <translation>Ключ работает. Ему доступен один магазин, он выбран ниже.</translation>
    </message>
</context>
<context>
    <name>Gui::RetailConnectionPanel</name>
    <message>
        <source>Check connection</source>
        <translation>Проверить подключение</translation>
    </message>
    <message>
        <source>Replace key…</source>
        <translation>Заменить ключ…</translation>
    </message>
    <message>
        <source>Account address:</source>
        <translation>Адрес аккаунта:</translation>
    </message>
    <message>
        <source>Site:</source>
        <translation>Магазин:</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>API-ключ:</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>проверяем…</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Проверяем…</translation>
    </message>
    <message>
        <source>The check failed: %1</source>
        <translation>Проверка не прошла: %1</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>Подключено к %1.</translation>
    </message>
</context>
<context>
    <name>Gui::RetailKeyCheck</name>
    <message>
        <source>Not a RetailCRM connection</source>
        <translation>Это не подключение RetailCRM</translation>
    </message>
</context>
<context>
    <name>Gui::RouteFields</name>
    <message>
        <source>(first stage)</source>
        <translation>(первый этап)</translation>
    </message>
</context>
<context>
    <name>Gui::RoutingTreeModel</name>
    <message>
        <source>first stage (%1)</source>
        <translation>первый этап (%1)</translation>
    </message>
    <message>
        <source>Category %1 (not in the shop)</source>
        <translation>Категория %1 (нет в магазине)</translation>
    </message>
    <message>
        <source>%1 (its rule is switched off)</source>
        <translation>%1 (правило выключено)</translation>
    </message>
    <message>
        <source>%1 · default</source>
        <translation>%1 · по умолчанию</translation>
    </message>
    <message>
        <source>from the order</source>
        <translation>из заказа</translation>
    </message>
    <message>
        <source>default route</source>
        <translation>маршрут по умолчанию</translation>
    </message>
    <message>
        <source>%1 · from «%2»</source>
        <translation>%1 · от «%2»</translation>
    </message>
    <message>
        <source>Route category %1</source>
        <translation>Маршрут категории %1</translation>
    </message>
    <message>
        <source>(as above)</source>
        <translation>(как выше)</translation>
    </message>
    <message>
        <source>(the pipeline&apos;s first stage)</source>
        <translation>(первый этап воронки)</translation>
    </message>
    <message>
        <source>Shop category</source>
        <translation>Категория магазина</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Воронка</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Этап</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <source>Switch on the rule of %1</source>
        <translation>Включить правило категории %1</translation>
    </message>
    <message>
        <source>Switch off the rule of %1</source>
        <translation>Выключить правило категории %1</translation>
    </message>
</context>
<context>
    <name>Gui::RoutingView</name>
    <message>
        <source>Order number</source>
        <translation>Номер заказа</translation>
    </message>
    <message>
        <source>Which rule matches?</source>
        <translation>Какое правило сработает?</translation>
    </message>
    <message>
        <source>Order %1 is not in the queue.</source>
        <translation>Заказа %1 нет в очереди.</translation>
    </message>
    <message>
        <source>(main pipeline)</source>
        <translation>(главная воронка)</translation>
    </message>
    <message>
        <source>The category beats the pipeline the order asks for</source>
        <translation>Категория важнее воронки из заказа</translation>
    </message>
    <message>
        <source>Use the pipeline the order carries (amoCRMFields)</source>
        <translation>Учитывать воронку из заказа (amoCRMFields)</translation>
    </message>
    <message>
        <source>A shop that fills amoCRMFields.pipeline_id, status_id and responsible_user_id in the order&apos;s properties chooses the pipeline, stage and responsible user itself.</source>
        <translation>Магазин, заполняющий amoCRMFields.pipeline_id, status_id и responsible_user_id в свойствах заказа, сам выбирает воронку, этап и ответственного.</translation>
    </message>
    <message>
        <source>Everything else</source>
        <translation>Всё остальное</translation>
    </message>
    <message>
        <source>Orders no category routes:</source>
        <translation>Заказы без маршрута по категории:</translation>
    </message>
    <message>
        <source>Route requests from web forms</source>
        <translation>Маршрут заявок с веб-форм</translation>
    </message>
    <message>
        <source>The shop&apos;s categories are read when the engine polls the shop; until then only the categories the rules name are listed.</source>
        <translation>Категории магазина читаются, когда движок опрашивает магазин; до тех пор показаны только категории из правил.</translation>
    </message>
    <message>
        <source>Set a pipeline, stage or responsible user on any category: the categories below it inherit what they do not set themselves.</source>
        <translation>Задайте воронку, этап или ответственного любой категории: вложенные категории наследуют то, что не задают сами.</translation>
    </message>
    <message>
        <source>Change the default route</source>
        <translation>Изменить маршрут по умолчанию</translation>
    </message>
    <message>
        <source>Every other web form:</source>
        <translation>Остальные веб-формы:</translation>
    </message>
    <message>
        <source>Web forms are listed here by name once the intake accepts one or a request comes in; each can go to its own pipeline.</source>
        <translation>Веб-формы появятся здесь по именам, когда приём заявок их примет или придёт заявка; у каждой может быть своя воронка.</translation>
    </message>
    <message>
        <source>Requests from each web form, by the form&apos;s name: what a form does not set comes from “Every other web form” below.</source>
        <translation>Заявки с каждой веб-формы по её имени: чего форма не задаёт, берётся из «Остальные веб-формы» ниже.</translation>
    </message>
    <message>
        <source>(from the order)</source>
        <translation>(из заказа)</translation>
    </message>
    <message>
        <source>(not chosen)</source>
        <translation>(не выбран)</translation>
    </message>
</context>
<context>
    <name>Gui::RowProblems</name>
    <message>
        <source>Every row is fine.</source>
        <translation>Все строки в порядке.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) need fixing before saving.</source>
        <translation>
            <numerusform>%n строку нужно исправить перед сохранением.</numerusform>
            <numerusform>%n строки нужно исправить перед сохранением.</numerusform>
            <numerusform>%n строк нужно исправить перед сохранением.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s).</source>
        <translation>
            <numerusform>%n предупреждение.</numerusform>
            <numerusform>%n предупреждения.</numerusform>
            <numerusform>%n предупреждений.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gui::SecretPlace</name>
    <message>
        <source>kept in memory for this demo only</source>
        <translation>хранится в памяти, только для этого демо</translation>
    </message>
    <message>
        <source>stored encrypted in the database</source>
        <translation>хранится зашифрованным в базе данных</translation>
    </message>
    <message>
        <source>stored in the keychain</source>
        <translation>хранится в связке ключей</translation>
    </message>
    <message>
        <source>not in this demo&apos;s memory: replace it</source>
        <translation>нет в памяти этого демо: замените его</translation>
    </message>
    <message>
        <source>not stored in the database: replace it</source>
        <translation>нет в базе данных: замените его</translation>
    </message>
    <message>
        <source>not in this computer&apos;s keychain: replace it</source>
        <translation>нет в связке ключей этого компьютера: замените его</translation>
    </message>
    <message>
        <source>secret store unavailable: %1</source>
        <translation>хранилище секретов недоступно: %1</translation>
    </message>
    <message>
        <source>keychain unavailable: %1</source>
        <translation>связка ключей недоступна: %1</translation>
    </message>
    <message>
        <source>Kept in memory for this demo only</source>
        <translation>Хранится в памяти, только для этого демо</translation>
    </message>
    <message>
        <source>Kept only encrypted in the database</source>
        <translation>Хранится только зашифрованным в базе данных</translation>
    </message>
    <message>
        <source>Kept only in the system keychain</source>
        <translation>Хранится только в системной связке ключей</translation>
    </message>
</context>
<context>
    <name>Gui::SettingsPage</name>
    <message>
        <source>Keep sending in the background when the window is closed</source>
        <translation>Продолжать отправку в фоне, когда окно закрыто</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation>Язык системы</translation>
    </message>
    <message>
        <source> days</source>
        <translation> дн.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Language (after a restart):</source>
        <translation>Язык (после перезапуска):</translation>
    </message>
    <message>
        <source>Keep the log for:</source>
        <translation>Хранить журнал:</translation>
    </message>
    <message>
        <source>This console</source>
        <translation>Эта консоль</translation>
    </message>
    <message>
        <source>The engine (shared by every engine and console on this store)</source>
        <translation>Обмен (общие для всех обменов и консолей этого хранилища)</translation>
    </message>
    <message>
        <source>Fix the marked field first.</source>
        <translation>Сначала исправьте отмеченное поле.</translation>
    </message>
    <message>
        <source>Saved. Running engines use the engine settings from their next start.</source>
        <translation>Сохранено. Запущенный обмен применит настройки обмена при следующем запуске.</translation>
    </message>
</context>
<context>
    <name>Gui::ShopSidePanel</name>
    <message>
        <source>Copy the address</source>
        <translation>Скопировать адрес</translation>
    </message>
    <message>
        <source>Copy the secret</source>
        <translation>Скопировать секрет</translation>
    </message>
    <message>
        <source>New form secret…</source>
        <translation>Новый секрет формы…</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Секрет</translation>
    </message>
    <message>
        <source>%1 (tables %2…)</source>
        <translation>%1 (таблицы %2…)</translation>
    </message>
    <message>
        <source>Shop database (%1)</source>
        <translation>База магазина (%1)</translation>
    </message>
    <message>
        <source>Health check</source>
        <translation>Проверка работы</translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation>Мониторинг</translation>
    </message>
    <message>
        <source>No shop yet</source>
        <translation>Магазина пока нет</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>проверяется…</translation>
    </message>
    <message>
        <source>Web form (webhook)</source>
        <translation>Веб-форма (вебхук)</translation>
    </message>
    <message>
        <source>shown once</source>
        <translation>показывается один раз</translation>
    </message>
    <message>
        <source>POST with the header X-CRMBridge-Secret: &lt;secret&gt;</source>
        <translation>POST с заголовком X-CRMBridge-Secret: &lt;секрет&gt;</translation>
    </message>
    <message>
        <source>Only a hash of the secret is kept: make a new one to see it.</source>
        <translation>Хранится только хеш секрета: чтобы увидеть секрет, создайте новый.</translation>
    </message>
    <message>
        <source>Web form (HTML action)</source>
        <translation>Веб-форма (action в HTML)</translation>
    </message>
    <message>
        <source>no keychain</source>
        <translation>нет связки ключей</translation>
    </message>
    <message>
        <source>no password</source>
        <translation>без пароля</translation>
    </message>
    <message>
        <source>keychain unavailable</source>
        <translation>связка ключей недоступна</translation>
    </message>
    <message>
        <source>The address of %1 is copied.</source>
        <translation>Адрес «%1» скопирован.</translation>
    </message>
    <message>
        <source>The secret of the form %1 is copied.</source>
        <translation>Секрет формы «%1» скопирован.</translation>
    </message>
    <message>
        <source>%1 has no password.</source>
        <translation>У «%1» нет пароля.</translation>
    </message>
    <message>
        <source>The password of %1 is copied.</source>
        <translation>Пароль «%1» скопирован.</translation>
    </message>
    <message>
        <source>New form secret</source>
        <translation>Новый секрет формы</translation>
    </message>
    <message>
        <source>Make a new secret for the form %1? The old one stops working at once: put the new one into the form&apos;s settings.</source>
        <translation>Создать новый секрет для формы «%1»? Старый сразу перестанет работать: впишите новый в настройки формы.</translation>
    </message>
    <message>
        <source>Make a new secret</source>
        <translation>Создать новый секрет</translation>
    </message>
    <message>
        <source>The form %1 has a new secret: copy it now, it is not shown after the console closes.</source>
        <translation>У формы «%1» новый секрет: скопируйте его сейчас, после закрытия окна он не показывается.</translation>
    </message>
    <message>
        <source>ICML catalogue (for RetailCRM)</source>
        <translation>ICML-каталог (для RetailCRM)</translation>
    </message>
    <message>
        <source>RetailCRM downloads the shop&apos;s catalogue from here; written to %1</source>
        <translation>Отсюда RetailCRM скачивает каталог магазина; файл: %1</translation>
    </message>
    <message>
        <source>CRM stage changes (polling)</source>
        <translation>Смены этапов в CRM (опрос)</translation>
    </message>
    <message numerus="yes">
        <source>every %n s</source>
        <translation>
            <numerusform>каждую %n с</numerusform>
            <numerusform>каждые %n с</numerusform>
            <numerusform>каждые %n с</numerusform>
        </translation>
    </message>
    <message>
        <source>CRM webhook (stage changes)</source>
        <translation>Вебхук CRM (смены этапов)</translation>
    </message>
    <message>
        <source>Registered with the CRM; it forwards here to the form intake</source>
        <translation>Зарегистрирован в CRM; запросы приходят сюда, на приём форм</translation>
    </message>
    <message>
        <source>The webhook secret of %1 is copied.</source>
        <translation>Секрет вебхука %1 скопирован.</translation>
    </message>
    <message>
        <source>Add a shop…</source>
        <translation>Добавить магазин…</translation>
    </message>
    <message>
        <source>Switch off</source>
        <translation>Выключить</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Удалить…</translation>
    </message>
    <message>
        <source>Shop database (%1), switched off</source>
        <translation>База магазина (%1), выключена</translation>
    </message>
    <message>
        <source>Add one with “Add a shop…”, or start the demo.</source>
        <translation>Добавьте его кнопкой «Добавить магазин…» или запустите демо.</translation>
    </message>
    <message>
        <source>Switch on</source>
        <translation>Включить</translation>
    </message>
    <message>
        <source>The shop “%1” is added; the exchange reads it within seconds.</source>
        <translation>Магазин «%1» добавлен; обмен начнёт читать его в течение нескольких секунд.</translation>
    </message>
    <message>
        <source>The shop “%1” is on: its new orders are read again.</source>
        <translation>Магазин «%1» включён: его новые заказы снова читаются.</translation>
    </message>
    <message>
        <source>The shop “%1” is off: its new orders are not read (from the next start of the exchange) until it is switched on.</source>
        <translation>Магазин «%1» выключен: его новые заказы не читаются (со следующего запуска обмена), пока его не включат.</translation>
    </message>
    <message>
        <source>Delete shop</source>
        <translation>Удаление магазина</translation>
    </message>
    <message>
        <source>Delete the shop “%1”? Its orders already queued or sent, and the log, stay.</source>
        <translation>Удалить магазин «%1»? Его заказы, уже поставленные в очередь или отправленные, и журнал останутся.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>The shop “%1” was deleted.</source>
        <translation>Магазин «%1» удалён.</translation>
    </message>
</context>
<context>
    <name>Gui::ShopSourceDialog</name>
    <message>
        <source>Also send the orders already in the shop</source>
        <translation>Отправить и заказы, которые уже есть в магазине</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Проверить</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Add a shop</source>
        <translation>Добавление магазина</translation>
    </message>
    <message>
        <source>e.g. shop</source>
        <translation>например, shop</translation>
    </message>
    <message>
        <source>mysql://user@host:port/database, or sqlite:///path/shop.db; no password in it</source>
        <translation>mysql://пользователь@хост:порт/база или sqlite:///путь/shop.db; без пароля</translation>
    </message>
    <message>
        <source>The database user&apos;s password. %1</source>
        <translation>Пароль пользователя базы данных. %1</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Имя:</translation>
    </message>
    <message>
        <source>Database address:</source>
        <translation>Адрес базы данных:</translation>
    </message>
    <message>
        <source>Table prefix:</source>
        <translation>Префикс таблиц:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <source>Give the shop a name.</source>
        <translation>Дайте магазину имя.</translation>
    </message>
    <message>
        <source>Put no password in the address: write it in the password field, it goes to the keychain.</source>
        <translation>Не пишите пароль в адресе: введите его в поле пароля, он попадёт в связку ключей.</translation>
    </message>
    <message>
        <source>A shop named “%1” exists already.</source>
        <translation>Магазин «%1» уже есть.</translation>
    </message>
    <message>
        <source>Connecting to the shop…</source>
        <translation>Подключение к магазину…</translation>
    </message>
    <message numerus="yes">
        <source>Connected: %1; %n order(s).</source>
        <translation>
            <numerusform>Подключено: %1; %n заказ.</numerusform>
            <numerusform>Подключено: %1; %n заказа.</numerusform>
            <numerusform>Подключено: %1; %n заказов.</numerusform>
        </translation>
    </message>
    <message>
        <source>The shop cannot be read: %1</source>
        <translation>Магазин не читается: %1</translation>
    </message>
    <message>
        <source>miniShop2 (MODX)</source>
        <translation>miniShop2 (MODX)</translation>
    </message>
    <message>
        <source>1C-Bitrix (online store)</source>
        <translation>1С-Битрикс (интернет-магазин)</translation>
    </message>
    <message>
        <source>e.g. s1; empty: every site</source>
        <translation>например, s1; пусто — все сайты</translation>
    </message>
    <message>
        <source>The site (LID) whose orders this source reads, on a multi-site install</source>
        <translation>Сайт (LID), заказы которого читает этот источник, если сайтов несколько</translation>
    </message>
    <message>
        <source>Platform:</source>
        <translation>Платформа:</translation>
    </message>
    <message>
        <source>Site:</source>
        <translation>Сайт:</translation>
    </message>
    <message>
        <source>MoySklad (retail and bonuses)</source>
        <translation>МойСклад (розница и бонусы)</translation>
    </message>
    <message>
        <source>empty: the password field holds an API token</source>
        <translation>пусто: в поле пароля — токен API</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>Логин:</translation>
    </message>
    <message>
        <source>API address:</source>
        <translation>Адрес API:</translation>
    </message>
    <message>
        <source>Token or password:</source>
        <translation>Токен или пароль:</translation>
    </message>
    <message>
        <source>The API token, or the login&apos;s password. %1</source>
        <translation>Токен API или пароль логина. %1</translation>
    </message>
    <message>
        <source>empty: %1</source>
        <translation>пусто: %1</translation>
    </message>
    <message>
        <source>MoySklad&apos;s JSON API 1.2; another address only for a test account</source>
        <translation>JSON API 1.2 МоегоСклада; другой адрес — только для тестового аккаунта</translation>
    </message>
    <message>
        <source>Paste the MoySklad API token.</source>
        <translation>Вставьте токен API МоегоСклада.</translation>
    </message>
    <message>
        <source>Write the login&apos;s password.</source>
        <translation>Введите пароль логина.</translation>
    </message>
    <message>
        <source>“%1” is not an API address (https://…/api/remap/1.2).</source>
        <translation>«%1» — не адрес API (https://…/api/remap/1.2).</translation>
    </message>
</context>
<context>
    <name>Gui::StatusMapEditor</name>
    <message>
        <source>Add a row</source>
        <translation>Добавить строку</translation>
    </message>
    <message>
        <source>Remove the row</source>
        <translation>Удалить строку</translation>
    </message>
    <message>
        <source>Propose rows by name</source>
        <translation>Предложить строки по названиям</translation>
    </message>
    <message>
        <source>Adds a row for every shop status without one whose name matches a CRM stage («Новый» → the first stage, «Выполнен» → won, «Отменён» → lost). Review the rows, then save.</source>
        <translation>Добавляет строку для каждого статуса магазина без строки, если его название совпадает с этапом CRM («Новый» → первый этап, «Выполнен» → успешно реализовано, «Отменён» → закрыто и не реализовано). Проверьте строки и сохраните.</translation>
    </message>
    <message>
        <source>the deal stays in its stage</source>
        <translation>сделка остаётся на своём этапе</translation>
    </message>
    <message>
        <source>the deal moves to this stage:</source>
        <translation>сделка переходит на этап:</translation>
    </message>
    <message>
        <source>the shop&apos;s status stays</source>
        <translation>статус в магазине не меняется</translation>
    </message>
    <message>
        <source>the order gets this status:</source>
        <translation>заказ получает статус:</translation>
    </message>
    <message>
        <source>Statuses nobody mapped</source>
        <translation>Статусы без сопоставления</translation>
    </message>
    <message>
        <source>A shop status without a row:</source>
        <translation>Статус магазина без строки:</translation>
    </message>
    <message>
        <source>A CRM stage without a row:</source>
        <translation>Этап CRM без строки:</translation>
    </message>
    <message>
        <source>No shop status without a row matches a CRM stage by name.</source>
        <translation>Ни один статус магазина без строки не совпадает по названию с этапом CRM.</translation>
    </message>
    <message>
        <source>Change the rules for unmapped statuses</source>
        <translation>Изменить правила для несопоставленных статусов</translation>
    </message>
</context>
<context>
    <name>Gui::StatusMapModel</name>
    <message>
        <source>→ to the CRM</source>
        <translation>→ в CRM</translation>
    </message>
    <message>
        <source>← from the CRM</source>
        <translation>← из CRM</translation>
    </message>
    <message>
        <source>↔ both ways</source>
        <translation>↔ в обе стороны</translation>
    </message>
    <message>
        <source>✕ not sent</source>
        <translation>✕ не отправлять</translation>
    </message>
    <message>
        <source>Change the direction of %1</source>
        <translation>Изменить направление для «%1»</translation>
    </message>
    <message>
        <source>Shop status</source>
        <translation>Статус магазина</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Направление</translation>
    </message>
    <message>
        <source>CRM pipeline / stage</source>
        <translation>Воронка / этап CRM</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Проблема</translation>
    </message>
    <message>
        <source>(choose a shop status)</source>
        <translation>(выберите статус магазина)</translation>
    </message>
    <message>
        <source>(choose a stage)</source>
        <translation>(выберите этап)</translation>
    </message>
    <message>
        <source>Choose the shop status %1</source>
        <translation>Выбрать статус магазина %1</translation>
    </message>
    <message>
        <source>Choose the stage of %1</source>
        <translation>Выбрать этап для %1</translation>
    </message>
    <message>
        <source>Add a status row</source>
        <translation>Добавить строку статуса</translation>
    </message>
    <message>
        <source>Remove the status row %1</source>
        <translation>Удалить строку статуса %1</translation>
    </message>
    <message>
        <source>Propose status rows by name</source>
        <translation>Предложить строки статусов по названиям</translation>
    </message>
</context>
<context>
    <name>Gui::ThroughputChart</name>
    <message>
        <source>Delivered</source>
        <translation>Доставлено</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>С ошибкой</translation>
    </message>
    <message>
        <source>Jobs per hour, last 24 hours</source>
        <translation>Задания по часам за последние 24 часа</translation>
    </message>
</context>
<context>
    <name>Gui::TrayNotifier</name>
    <message>
        <source>Show CRM Bridge</source>
        <translation>Показать CRM Bridge</translation>
    </message>
    <message>
        <source>Quit (stops sending)</source>
        <translation>Выйти (отправка остановится)</translation>
    </message>
    <message>
        <source>CRM Bridge</source>
        <translation>CRM Bridge</translation>
    </message>
    <message>
        <source>The CRM needs a new sign-in</source>
        <translation>В CRM нужно войти заново</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) failed</source>
        <translation>
            <numerusform>%n задание с ошибкой</numerusform>
            <numerusform>%n задания с ошибкой</numerusform>
            <numerusform>%n заданий с ошибкой</numerusform>
        </translation>
    </message>
    <message>
        <source>CRM Bridge: stopping…</source>
        <translation>CRM Bridge: остановка…</translation>
    </message>
    <message>
        <source>Engine: %1</source>
        <translation>Обмен: %1</translation>
    </message>
    <message>
        <source>%1
Sign in again on the Connections page.</source>
        <translation>%1
Войдите заново на странице «Подключения».</translation>
    </message>
</context>
<context>
    <name>Gui::WorkerReadings</name>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 из %2</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>и ещё %n</numerusform>
            <numerusform>и ещё %n</numerusform>
            <numerusform>и ещё %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n s ago</source>
        <translation>
            <numerusform>%n с назад</numerusform>
            <numerusform>%n с назад</numerusform>
            <numerusform>%n с назад</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n мин назад</numerusform>
            <numerusform>%n мин назад</numerusform>
            <numerusform>%n мин назад</numerusform>
        </translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>%1: not watched (no engine is running)</source>
        <translation>%1: не наблюдается (обмен не запущен)</translation>
    </message>
    <message>
        <source>%1: unreachable: %2</source>
        <translation>%1: недоступен: %2</translation>
    </message>
    <message>
        <source>%1: watching, polled %2</source>
        <translation>%1: наблюдает, опрос %2</translation>
    </message>
    <message>
        <source>Add a shop on the Connections page</source>
        <translation>Добавьте магазин на странице «Подключения»</translation>
    </message>
    <message>
        <source>%1: not running</source>
        <translation>%1: не запущен</translation>
    </message>
    <message>
        <source>%1: paused</source>
        <translation>%1: на паузе</translation>
    </message>
    <message>
        <source>%1: paused: %2</source>
        <translation>%1: на паузе: %2</translation>
    </message>
    <message>
        <source>Add a CRM on the Connections page</source>
        <translation>Добавьте CRM на странице «Подключения»</translation>
    </message>
    <message>
        <source>%1: stage changes cannot be read: %2</source>
        <translation>%1: изменения этапов не читаются: %2</translation>
    </message>
</context>
<context>
    <name>Mapping</name>
    <message>
        <source>Order number</source>
        <translation>Номер заказа</translation>
    </message>
    <message>
        <source>Delivery method</source>
        <translation>Способ доставки</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Способ оплаты</translation>
    </message>
    <message>
        <source>Delivery cost</source>
        <translation>Стоимость доставки</translation>
    </message>
    <message>
        <source>Delivery address</source>
        <translation>Адрес доставки</translation>
    </message>
    <message>
        <source>Order comment</source>
        <translation>Комментарий к заказу</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Вес</translation>
    </message>
    <message>
        <source>Page URL</source>
        <translation>Адрес страницы</translation>
    </message>
    <message>
        <source>Pipeline %1 does not exist in the CRM</source>
        <translation>Воронки %1 нет в CRM</translation>
    </message>
    <message>
        <source>Stage %1 does not exist in pipeline “%2”</source>
        <translation>Этапа %1 нет в воронке «%2»</translation>
    </message>
    <message>
        <source>User %1 does not exist in the CRM</source>
        <translation>Пользователя %1 нет в CRM</translation>
    </message>
    <message>
        <source>User “%1” (%2) is deactivated</source>
        <translation>Пользователь «%1» (%2) отключён</translation>
    </message>
    <message>
        <source>The %1 names an unknown field {%2}</source>
        <translation>В поле «%1» указано неизвестное поле {%2}</translation>
    </message>
    <message>
        <source>Field “%1” does not exist in the CRM yet: allow creating it, or choose another field</source>
        <translation>Поля «%1» ещё нет в CRM: разрешите его создать или выберите другое поле</translation>
    </message>
    <message>
        <source>Field “%1” (%2) does not exist in the CRM</source>
        <translation>Поля «%1» (%2) нет в CRM</translation>
    </message>
    <message>
        <source>Field “%1” (%2) is now called “%3”</source>
        <translation>Поле «%1» (%2) теперь называется «%3»</translation>
    </message>
    <message>
        <source>Field “%1” (%2) changed its type from %3 to %4</source>
        <translation>Поле «%1» (%2) сменило тип с %3 на %4</translation>
    </message>
    <message>
        <source>Field “%1” has no value %2</source>
        <translation>У поля «%1» нет значения %2</translation>
    </message>
    <message>
        <source>Field “%1” has no kind %2</source>
        <translation>У поля «%1» нет типа %2</translation>
    </message>
    <message>
        <source>Unknown source field %1</source>
        <translation>Неизвестное поле магазина %1</translation>
    </message>
    <message>
        <source>No source field is chosen</source>
        <translation>Поле магазина не выбрано</translation>
    </message>
    <message>
        <source>template</source>
        <translation>шаблон</translation>
    </message>
    <message>
        <source>No CRM field is chosen</source>
        <translation>Поле CRM не выбрано</translation>
    </message>
    <message>
        <source>deal name template</source>
        <translation>шаблон названия сделки</translation>
    </message>
    <message>
        <source>tag template</source>
        <translation>шаблон тега</translation>
    </message>
    <message>
        <source>note template</source>
        <translation>шаблон примечания</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>не задано</translation>
    </message>
    <message>
        <source>Deal: name</source>
        <translation>Сделка: название</translation>
    </message>
    <message>
        <source>Deal: budget</source>
        <translation>Сделка: бюджет</translation>
    </message>
    <message>
        <source>Deal: responsible user</source>
        <translation>Сделка: ответственный</translation>
    </message>
    <message>
        <source>Deal: tags</source>
        <translation>Сделка: теги</translation>
    </message>
    <message>
        <source>Contact: name</source>
        <translation>Контакт: имя</translation>
    </message>
    <message>
        <source>Contact: first name</source>
        <translation>Контакт: имя (отдельно)</translation>
    </message>
    <message>
        <source>Contact: last name</source>
        <translation>Контакт: фамилия</translation>
    </message>
    <message>
        <source>Contact: phone</source>
        <translation>Контакт: телефон</translation>
    </message>
    <message>
        <source>Contact: email</source>
        <translation>Контакт: email</translation>
    </message>
    <message>
        <source>Company: name</source>
        <translation>Компания: название</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Сделка</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Контакт</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Покупатель</translation>
    </message>
    <message>
        <source>%1: “%2”</source>
        <translation>%1: «%2»</translation>
    </message>
    <message>
        <source>No product of the order is in a routed category.</source>
        <translation>Ни один товар заказа не входит в категорию с правилом.</translation>
    </message>
    <message>
        <source>The order asks for pipeline %1, but the category takes priority.</source>
        <translation>Заказ указывает воронку %1, но приоритет у категории.</translation>
    </message>
    <message>
        <source>The order&apos;s own pipeline %1 takes priority over the category.</source>
        <translation>Воронка %1 из заказа важнее категории.</translation>
    </message>
    <message>
        <source>The order asks for pipeline %1.</source>
        <translation>Заказ указывает воронку %1.</translation>
    </message>
    <message>
        <source>The default pipeline %1 is used.</source>
        <translation>Используется воронка по умолчанию %1.</translation>
    </message>
    <message>
        <source>Responsible user %1 comes from the order.</source>
        <translation>Ответственный %1 — из заказа.</translation>
    </message>
    <message>
        <source>Responsible user %1 is the default.</source>
        <translation>Ответственный %1 — по умолчанию.</translation>
    </message>
    <message>
        <source>The order&apos;s responsible user %1 was overridden by the category.</source>
        <translation>Ответственный из заказа %1 заменён правилом категории.</translation>
    </message>
    <message>
        <source>Two rules have this id</source>
        <translation>У двух правил одинаковый id</translation>
    </message>
    <message>
        <source>No category is chosen</source>
        <translation>Категория не выбрана</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 row %2: %3</source>
        <translation>%1, строка %2: %3</translation>
    </message>
    <message>
        <source>Order id</source>
        <translation>ID заказа</translation>
    </message>
    <message>
        <source>Order total</source>
        <translation>Сумма заказа</translation>
    </message>
    <message>
        <source>Cart total</source>
        <translation>Сумма корзины</translation>
    </message>
    <message>
        <source>Order status</source>
        <translation>Статус заказа</translation>
    </message>
    <message>
        <source>Order status id</source>
        <translation>ID статуса заказа</translation>
    </message>
    <message>
        <source>Order date</source>
        <translation>Дата заказа</translation>
    </message>
    <message>
        <source>Shop context</source>
        <translation>Контекст магазина</translation>
    </message>
    <message>
        <source>Products (text)</source>
        <translation>Товары (текстом)</translation>
    </message>
    <message>
        <source>Number of items</source>
        <translation>Количество товаров</translation>
    </message>
    <message>
        <source>Product names (list)</source>
        <translation>Названия товаров (список)</translation>
    </message>
    <message>
        <source>Product articles (list)</source>
        <translation>Артикулы товаров (список)</translation>
    </message>
    <message>
        <source>Customer name</source>
        <translation>Имя покупателя</translation>
    </message>
    <message>
        <source>Customer phone</source>
        <translation>Телефон покупателя</translation>
    </message>
    <message>
        <source>Customer email</source>
        <translation>Email покупателя</translation>
    </message>
    <message>
        <source>Shop user id</source>
        <translation>ID пользователя магазина</translation>
    </message>
    <message>
        <source>Shop user name</source>
        <translation>Имя пользователя магазина</translation>
    </message>
    <message>
        <source>Shop user phone</source>
        <translation>Телефон пользователя магазина</translation>
    </message>
    <message>
        <source>Shop user email</source>
        <translation>Email пользователя магазина</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>Получатель</translation>
    </message>
    <message>
        <source>Receiver phone</source>
        <translation>Телефон получателя</translation>
    </message>
    <message>
        <source>Receiver email</source>
        <translation>Email получателя</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Индекс</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Регион</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <source>Metro station</source>
        <translation>Станция метро</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Улица</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>Дом</translation>
    </message>
    <message>
        <source>Entrance</source>
        <translation>Подъезд</translation>
    </message>
    <message>
        <source>Floor</source>
        <translation>Этаж</translation>
    </message>
    <message>
        <source>Flat / office</source>
        <translation>Квартира / офис</translation>
    </message>
    <message>
        <source>Address comment</source>
        <translation>Комментарий к адресу</translation>
    </message>
    <message>
        <source>Address as typed</source>
        <translation>Адрес как введён</translation>
    </message>
    <message>
        <source>Full address</source>
        <translation>Полный адрес</translation>
    </message>
    <message>
        <source>Request id</source>
        <translation>ID заявки</translation>
    </message>
    <message>
        <source>Form name</source>
        <translation>Название формы</translation>
    </message>
    <message>
        <source>Visitor IP address</source>
        <translation>IP-адрес посетителя</translation>
    </message>
    <message>
        <source>Request date</source>
        <translation>Дата заявки</translation>
    </message>
    <message>
        <source>All fields (text)</source>
        <translation>Все поля (текстом)</translation>
    </message>
    <message>
        <source>Customer name (guessed from the fields)</source>
        <translation>Имя покупателя (угадано по полям)</translation>
    </message>
    <message>
        <source>Customer phone (guessed from the fields)</source>
        <translation>Телефон покупателя (угадан по полям)</translation>
    </message>
    <message>
        <source>Customer email (guessed from the fields)</source>
        <translation>Email покупателя (угадан по полям)</translation>
    </message>
    <message>
        <source>Order property %1</source>
        <translation>Свойство заказа %1</translation>
    </message>
    <message>
        <source>Form field %1</source>
        <translation>Поле формы %1</translation>
    </message>
    <message>
        <source>The mapping file is not valid: %1</source>
        <translation>Файл сопоставления некорректен: %1</translation>
    </message>
    <message>
        <source>it is not a CRM Bridge mapping (no &quot;format&quot;: &quot;%1&quot;)</source>
        <translation>это не сопоставление CRM Bridge (нет &quot;format&quot;: &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>it has no format version</source>
        <translation>в нём нет версии формата</translation>
    </message>
    <message>
        <source>it was written by a newer CRM Bridge (format %1; this one reads up to %2)</source>
        <translation>он записан более новой версией CRM Bridge (формат %1; эта версия читает до %2)</translation>
    </message>
    <message>
        <source>unknown time zone “%1”</source>
        <translation>неизвестный часовой пояс «%1»</translation>
    </message>
    <message>
        <source>“%1” is not a date</source>
        <translation>«%1» — не дата</translation>
    </message>
    <message>
        <source>the template names an unknown field {%1}</source>
        <translation>в шаблоне указано неизвестное поле {%1}</translation>
    </message>
    <message>
        <source>“%1” is not a number</source>
        <translation>«%1» — не число</translation>
    </message>
    <message>
        <source>“%1” is not a phone number</source>
        <translation>«%1» — не номер телефона</translation>
    </message>
    <message>
        <source>“%1” is not an email address</source>
        <translation>«%1» — не адрес email</translation>
    </message>
    <message>
        <source>“%1” is not in the lookup table</source>
        <translation>«%1» нет в таблице соответствий</translation>
    </message>
    <message>
        <source>Shop status %1 is not mapped: the default stage %2 in pipeline %3 is used</source>
        <translation>Статус магазина %1 не сопоставлен: используется этап по умолчанию %2 воронки %3</translation>
    </message>
    <message>
        <source>Shop status %1 is not mapped: the deal stays in its stage</source>
        <translation>Статус магазина %1 не сопоставлен: сделка остаётся на своём этапе</translation>
    </message>
    <message>
        <source>Stage %1 in pipeline %2 is not mapped: the default shop status %3 is set</source>
        <translation>Этап %1 воронки %2 не сопоставлен: ставится статус магазина по умолчанию %3</translation>
    </message>
    <message>
        <source>Stage %1 in pipeline %2 is not mapped: the shop status is left alone</source>
        <translation>Этап %1 воронки %2 не сопоставлен: статус магазина не меняется</translation>
    </message>
    <message>
        <source>Two rows have this id</source>
        <translation>У двух строк одинаковый id</translation>
    </message>
    <message>
        <source>No shop status is chosen</source>
        <translation>Статус магазина не выбран</translation>
    </message>
    <message>
        <source>No pipeline stage is chosen</source>
        <translation>Этап воронки не выбран</translation>
    </message>
    <message>
        <source>Unmapped shop statuses should go to a default stage, but none is chosen</source>
        <translation>Несопоставленные статусы магазина должны идти на этап по умолчанию, но он не выбран</translation>
    </message>
    <message>
        <source>Unmapped CRM stages should set a default shop status, but none is chosen</source>
        <translation>Несопоставленные этапы CRM должны ставить статус магазина по умолчанию, но он не выбран</translation>
    </message>
    <message>
        <source>The CRM has no pipelines</source>
        <translation>В CRM нет воронок</translation>
    </message>
    <message>
        <source>No pipeline is chosen: the CRM&apos;s main pipeline %1 is used.</source>
        <translation>Воронка не выбрана: используется основная воронка CRM %1.</translation>
    </message>
    <message>
        <source>Pipeline %1 has no stages</source>
        <translation>В воронке %1 нет этапов</translation>
    </message>
    <message>
        <source>The deal starts in the pipeline&apos;s first stage %1.</source>
        <translation>Сделка начинается с первого этапа воронки — %1.</translation>
    </message>
    <message>
        <source>Stage %1 does not exist in pipeline %2</source>
        <translation>Этапа %1 нет в воронке %2</translation>
    </message>
    <message>
        <source>The mapping is broken: %1</source>
        <translation>Сопоставление содержит ошибки: %1</translation>
    </message>
    <message>
        <source>The row is switched off</source>
        <translation>Строка выключена</translation>
    </message>
    <message>
        <source>The value is empty</source>
        <translation>Значение пустое</translation>
    </message>
    <message>
        <source>“%1” is not an active CRM user</source>
        <translation>«%1» — не активный пользователь CRM</translation>
    </message>
    <message>
        <source>Field “%1” does not exist in the CRM</source>
        <translation>Поля «%1» нет в CRM</translation>
    </message>
    <message>
        <source>“%1” is neither yes nor no</source>
        <translation>«%1» — ни «да», ни «нет»</translation>
    </message>
    <message>
        <source>Field “%1” has no value “%2”</source>
        <translation>У поля «%1» нет значения «%2»</translation>
    </message>
    <message>
        <source>Customer fields are not part of a deal</source>
        <translation>Поля покупателя не входят в сделку</translation>
    </message>
    <message>
        <source>The order&apos;s responsible user %1 is not an active CRM user and was ignored.</source>
        <translation>Ответственный из заказа %1 — не активный пользователь CRM и проигнорирован.</translation>
    </message>
    <message>
        <source>Requests from forms go to pipeline %1.</source>
        <translation>Заявки с форм идут в воронку %1.</translation>
    </message>
    <message>
        <source>“%1” is not a list</source>
        <translation>«%1» — не список</translation>
    </message>
    <message>
        <source>A delivery code row has no shop delivery method</source>
        <translation>В строке кодов доставки не выбран способ доставки магазина</translation>
    </message>
    <message>
        <source>A payment code row has no shop payment method</source>
        <translation>В строке кодов оплаты не выбран способ оплаты магазина</translation>
    </message>
    <message>
        <source>Shop method %1 is mapped twice</source>
        <translation>Способ магазина %1 сопоставлен дважды</translation>
    </message>
    <message>
        <source>No CRM code is chosen for %1</source>
        <translation>Для «%1» не выбран код CRM</translation>
    </message>
    <message>
        <source>The CRM has no delivery type with code “%1”</source>
        <translation>В CRM нет типа доставки с кодом «%1»</translation>
    </message>
    <message>
        <source>The CRM has no payment type with code “%1”</source>
        <translation>В CRM нет типа оплаты с кодом «%1»</translation>
    </message>
    <message>
        <source>Paid statuses are chosen but no CRM payment status for “paid”</source>
        <translation>Статусы оплаты выбраны, но не указан статус оплаты CRM для «оплачен»</translation>
    </message>
    <message>
        <source>This CRM has no delivery and payment codes: the code maps are not used</source>
        <translation>В этой CRM нет кодов доставки и оплаты: таблицы кодов не используются</translation>
    </message>
    <message>
        <source>The CRM has no payment status with code “%1”</source>
        <translation>В CRM нет статуса оплаты с кодом «%1»</translation>
    </message>
    <message>
        <source>Delivery “%1” has no CRM code: the CRM&apos;s default is used.</source>
        <translation>У доставки «%1» нет кода CRM: используется значение CRM по умолчанию.</translation>
    </message>
    <message>
        <source>Payment “%1” has no CRM code: the CRM&apos;s default is used.</source>
        <translation>У оплаты «%1» нет кода CRM: используется значение CRM по умолчанию.</translation>
    </message>
    <message>
        <source>Product “%1” (cart line %2) is in category “%3”, which routes it to pipeline %4.</source>
        <translation>Товар «%1» (строка корзины %2) в категории «%3», которая направляет его в воронку %4.</translation>
    </message>
    <message>
        <source>Product “%1” (cart line %2) is in category “%3” under “%4”, which routes it to pipeline %5.</source>
        <translation>Товар «%1» (строка корзины %2) в категории «%3» внутри «%4», которая направляет его в воронку %5.</translation>
    </message>
    <message>
        <source>Responsible user %1 comes from category “%2”.</source>
        <translation>Ответственный %1 задан категорией «%2».</translation>
    </message>
    <message>
        <source>Neither a pipeline nor a responsible user is chosen</source>
        <translation>Не выбраны ни воронка, ни ответственный</translation>
    </message>
    <message>
        <source>A stage needs the pipeline it belongs to</source>
        <translation>Для этапа нужна его воронка</translation>
    </message>
    <message>
        <source>Category %1 already has a rule</source>
        <translation>У категории %1 уже есть правило</translation>
    </message>
    <message>
        <source>The status map puts an order in status %1 in stage %2.</source>
        <translation>Сопоставление статусов ставит заказ в статусе %1 на этап %2.</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>число</translation>
    </message>
    <message>
        <source>a date</source>
        <translation>дата</translation>
    </message>
    <message>
        <source>a phone number</source>
        <translation>номер телефона</translation>
    </message>
    <message>
        <source>an e-mail address</source>
        <translation>адрес e-mail</translation>
    </message>
    <message>
        <source>text</source>
        <translation>текст</translation>
    </message>
    <message>
        <source>“%1” is %2, but field “%3” takes %4</source>
        <translation>«%1» — это %2, а поле «%3» принимает: %4</translation>
    </message>
    <message>
        <source>Field “%1” belongs to another entity (%2)</source>
        <translation>Поле «%1» относится к другой сущности (%2)</translation>
    </message>
    <message>
        <source>%1 is already filled from “%2”</source>
        <translation>%1 уже заполняется из «%2»</translation>
    </message>
    <message>
        <source>Order fields</source>
        <translation>Поля заказа</translation>
    </message>
    <message>
        <source>Form fields</source>
        <translation>Поля формы</translation>
    </message>
    <message>
        <source>Statuses</source>
        <translation>Статусы</translation>
    </message>
    <message>
        <source>Routing</source>
        <translation>Маршрутизация</translation>
    </message>
    <message>
        <source>Delivery and payment</source>
        <translation>Доставка и оплата</translation>
    </message>
    <message>
        <source>The status map sends shop status %1 to stage %2</source>
        <translation>Сопоставление статусов отправляет статус магазина %1 на этап %2</translation>
    </message>
    <message>
        <source>The status map does not send shop status %1 to the CRM</source>
        <translation>Сопоставление статусов не отправляет статус магазина %1 в CRM</translation>
    </message>
    <message>
        <source>The status map brings stage %1 back as shop status %2</source>
        <translation>Сопоставление статусов возвращает этап %1 как статус магазина %2</translation>
    </message>
    <message>
        <source>«%1» in «%2»</source>
        <translation>«%1» в «%2»</translation>
    </message>
    <message>
        <source>Shop status %1 already goes to %2 (another row): one status can go to one stage of a pipeline</source>
        <translation>Статус магазина %1 уже отправляется на %2 (другая строка): статус может вести только на один этап воронки</translation>
    </message>
    <message>
        <source>Shop status %1 is both sent and not sent (another row)</source>
        <translation>Статус магазина %1 и отправляется, и не отправляется (другая строка)</translation>
    </message>
    <message>
        <source>Stage %1 already comes back as shop status %2: a stage can come back as one status only</source>
        <translation>Этап %1 уже возвращается как статус магазина %2: этап может возвращаться только одним статусом</translation>
    </message>
    <message>
        <source>&quot;language&quot; is &quot;%1&quot;; CRM Bridge writes into a CRM in &quot;ru&quot; or &quot;en&quot;</source>
        <translation>«language» — «%1»; CRM Bridge пишет в CRM на «ru» или «en»</translation>
    </message>
    <message>
        <source>%1, stage %2</source>
        <translation>%1, этап %2</translation>
    </message>
    <message>
        <source>%1 is responsible, from “%2”.</source>
        <translation>Ответственный — %1, из поля «%2».</translation>
    </message>
    <message>
        <source>Requests from form “%1” go to pipeline %2.</source>
        <translation>Заявки с формы «%1» идут в воронку %2.</translation>
    </message>
    <message>
        <source>Responsible user %1 comes from the route of form “%2”.</source>
        <translation>Ответственный %1 задан маршрутом формы «%2».</translation>
    </message>
    <message>
        <source>A form route names no form</source>
        <translation>В маршруте не указана форма</translation>
    </message>
    <message>
        <source>Form “%1” has two routes</source>
        <translation>У формы «%1» два маршрута</translation>
    </message>
    <message>
        <source>Customer&apos;s company</source>
        <translation>Компания покупателя</translation>
    </message>
</context>
<context>
    <name>Net</name>
    <message>
        <source>No answer from the server: %1</source>
        <translation>Сервер не ответил: %1</translation>
    </message>
    <message>
        <source>The CRM account is not paid</source>
        <translation>Аккаунт CRM не оплачен</translation>
    </message>
    <message>
        <source>The CRM refused access (HTTP 403): the account or address is blocked after too many requests</source>
        <translation>CRM отказала в доступе (HTTP 403): аккаунт или адрес заблокирован из-за слишком частых запросов</translation>
    </message>
    <message>
        <source>Too many requests</source>
        <translation>Слишком много запросов</translation>
    </message>
    <message>
        <source>The server failed (HTTP %1)</source>
        <translation>Ошибка сервера (HTTP %1)</translation>
    </message>
    <message>
        <source>The server refused the request (HTTP %1)</source>
        <translation>Сервер отклонил запрос (HTTP %1)</translation>
    </message>
</context>
<context>
    <name>Net::HttpClient</name>
    <message>
        <source>could not connect within %1 ms</source>
        <translation>не удалось подключиться за %1 мс</translation>
    </message>
    <message>
        <source>no data for %1 ms</source>
        <translation>нет данных %1 мс</translation>
    </message>
</context>
<context>
    <name>Net::RateLimiter</name>
    <message>
        <source>The CRM blocked this account until %1; requests are paused</source>
        <translation>CRM заблокировала аккаунт до %1; запросы приостановлены</translation>
    </message>
</context>
<context>
    <name>RetailCrm</name>
    <message>
        <source>RetailCRM answered without “success” (HTTP %1)</source>
        <translation>RetailCRM ответила без «success» (HTTP %1)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>CRM Bridge</source>
        <translation>CRM Bridge</translation>
    </message>
    <message>
        <source>The store cannot be opened.

%1</source>
        <translation>Не удаётся открыть хранилище.

%1</translation>
    </message>
    <message>
        <source>CRM Bridge — demo</source>
        <translation>CRM Bridge — демо</translation>
    </message>
    <message>
        <source>The demo cannot start.

%1</source>
        <translation>Демо не запускается.

%1</translation>
    </message>
    <message>
        <source>The demo stopped.

%1</source>
        <translation>Демо остановилось.

%1</translation>
    </message>
    <message>
        <source>The engine cannot start.

%1</source>
        <translation>Обмен не запускается.

%1</translation>
    </message>
</context>
</TS>
