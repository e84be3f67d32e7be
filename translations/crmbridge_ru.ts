<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
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
        <translation><numerusform>%n мин</numerusform><numerusform>%n мин</numerusform><numerusform>%n мин</numerusform></translation>
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
</context>
</TS>