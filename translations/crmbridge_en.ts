<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Gui::DashboardPage</name>
    <message>
        <source>Waiting to be sent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Being sent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delivered</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Oldest waiting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The store cannot be read: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open the queue to resend</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing needs attention</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The queue is empty</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation><numerusform>%n min</numerusform><numerusform>%n min</numerusform></translation>
    </message>
</context>
<context>
    <name>Gui::MainWindow</name>
    <message>
        <source>CRM Bridge</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Store: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>CRM Bridge</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The store cannot be opened.

%1</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>