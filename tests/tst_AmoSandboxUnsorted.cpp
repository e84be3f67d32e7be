// SPDX-License-Identifier: GPL-3.0-or-later
// Conformance of the amoCRM sandbox's unsorted ("Неразобранное", reference §3.12): web-form requests
// land in the pipeline's unsorted stage with their contact; list, get, accept and decline.

#include "amocrm/AmoCrmSandbox.h"
#include "sandbox/tests/DemoAmoSandbox.h"
#include "sandbox/tests/SandboxTestClient.h"

#include <QTest>

using namespace Sandbox::AmoCrm;
using namespace Sandbox::Testing;

class TestAmoSandboxUnsorted : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void formsLandInTheUnsortedStage();
    void existingContactIsLinkedById();
    void badItemsAreRefusedWithPaths();
    void acceptMovesTheLeadAndDeclineDeletesIt();

private:
    QJsonObject form(const QString &rid, const QJsonArray &contacts) const;
    qint64 unsortedStatusOfMain();
    QJsonObject state() { return m_client->control("state", {}, "GET"); }

    std::unique_ptr<AmoCrmSandbox> m_sandbox;
    std::unique_ptr<SandboxTestClient> m_client;
};

void TestAmoSandboxUnsorted::initTestCase()
{
    QString error;
    QVERIFY2(Sandbox::Testing::startDemoAmoSandbox(m_sandbox, m_client, &error), qPrintable(error));
}

void TestAmoSandboxUnsorted::init()
{
    m_client->control("reset", { { "seed", "demo" } });
    QVERIFY(!m_client->authorize(m_sandbox->readyInfo()).isEmpty());
}

QJsonObject TestAmoSandboxUnsorted::form(const QString &rid, const QJsonArray &contacts) const
{
    return QJsonObject {
        { "request_id", rid },
        { "source_name", "CRM Bridge" },
        { "source_uid", "form:site:" + rid },
        { "created_at", 1700000000 },
        { "metadata",
          QJsonObject { { "form_id", "callback" },
                        { "form_name", QStringLiteral("Обратный звонок") },
                        { "form_page", "https://shop.example.ru/contacts" },
                        { "ip", "203.0.113.7" },
                        { "form_sent_at", 1700000000 },
                        { "referer", "https://shop.example.ru/" } } },
        { "_embedded",
          QJsonObject {
              { "leads", QJsonArray { QJsonObject { { "name", QStringLiteral("Заявка ") + rid } } } },
              { "contacts", contacts } } }
    };
}

qint64 TestAmoSandboxUnsorted::unsortedStatusOfMain()
{
    for (const QJsonValue &p : state().value("pipelines").toArray()) {
        if (!p.toObject().value("is_main").toBool())
            continue;
        for (const QJsonValue &s : p.toObject().value("_embedded").toObject().value("statuses").toArray()) {
            if (s.toObject().value("type").toInt() == 1)
                return s.toObject().value("id").toInteger();
        }
    }
    return 0;
}

void TestAmoSandboxUnsorted::formsLandInTheUnsortedStage()
{
    const QJsonArray contact { QJsonObject {
        { "name", QStringLiteral("Вера") },
        { "custom_fields_values",
          QJsonArray { QJsonObject {
              { "field_code", "PHONE" },
              { "values", QJsonArray { QJsonObject { { "value", "+79120000001" } } } } } } } } };
    const TestReply reply
        = m_client->post("/api/v4/leads/unsorted/forms", QJsonArray { form("f1", contact) });
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.contentType.startsWith("application/hal+json"));
    const QJsonArray items = reply.object().value("_embedded").toObject().value("unsorted").toArray();
    QCOMPARE(items.size(), 1);
    const QJsonObject item = items[0].toObject();
    QCOMPARE(item.value("request_id").toString(), QStringLiteral("f1"));
    const QString uid = item.value("uid").toString();
    QVERIFY(!uid.isEmpty());
    const qint64 leadId
        = item.value("_embedded").toObject().value("leads").toArray()[0].toObject().value("id").toInteger();
    const qint64 contactId = item.value("_embedded")
                                 .toObject()
                                 .value("contacts")
                                 .toArray()[0]
                                 .toObject()
                                 .value("id")
                                 .toInteger();
    QVERIFY(leadId > 0);
    QVERIFY(contactId > 0);

    // The lead is an ordinary lead in the unsorted stage, linked to the new contact.
    const QJsonObject lead
        = m_client->get(QStringLiteral("/api/v4/leads/%1?with=contacts").arg(leadId)).object();
    QCOMPARE(lead.value("status_id").toInteger(), unsortedStatusOfMain());
    QCOMPARE(
        lead.value("_embedded").toObject().value("contacts").toArray()[0].toObject().value("id").toInteger(),
        contactId);

    // Listed with the metadata, found by uid and by category; a wrong uid finds nothing.
    const TestReply list = m_client->get("/api/v4/leads/unsorted?filter[category][]=forms");
    QCOMPARE(list.status, 200);
    const QJsonObject listed
        = list.object().value("_embedded").toObject().value("unsorted").toArray()[0].toObject();
    QCOMPARE(listed.value("uid").toString(), uid);
    QCOMPARE(listed.value("category").toString(), QStringLiteral("forms"));
    QCOMPARE(listed.value("metadata").toObject().value("form_name").toString(),
             QStringLiteral("Обратный звонок"));
    QCOMPARE(m_client->get("/api/v4/leads/unsorted/" + uid).object().value("source_uid").toString(),
             QStringLiteral("form:site:f1"));
    QCOMPARE(m_client->get("/api/v4/leads/unsorted?filter[uid]=nope").status, 204);
    QCOMPARE(m_client->get("/api/v4/leads/unsorted?filter[category][]=chats").status, 204);
}

void TestAmoSandboxUnsorted::existingContactIsLinkedById()
{
    const qint64 existing = state().value("contacts").toArray()[0].toObject().value("id").toInteger();
    const int contactsBefore = state().value("contacts").toArray().size();
    const TestReply reply
        = m_client->post("/api/v4/leads/unsorted/forms",
                         QJsonArray { form("f2", QJsonArray { QJsonObject { { "id", existing } } }) });
    QCOMPARE(reply.status, 200);
    const QJsonObject item
        = reply.object().value("_embedded").toObject().value("unsorted").toArray()[0].toObject();
    QCOMPARE(
        item.value("_embedded").toObject().value("contacts").toArray()[0].toObject().value("id").toInteger(),
        existing);
    QCOMPARE(state().value("contacts").toArray().size(), contactsBefore);
}

void TestAmoSandboxUnsorted::badItemsAreRefusedWithPaths()
{
    QJsonObject noUid = form("a", {});
    noUid.remove("source_uid");
    QJsonObject twoLeads = form("b", {});
    twoLeads.insert("_embedded", QJsonObject { { "leads", QJsonArray { QJsonObject {}, QJsonObject {} } } });
    QJsonObject badContact = form("c", QJsonArray { QJsonObject { { "id", 987654 } } });
    const TestReply reply
        = m_client->post("/api/v4/leads/unsorted/forms", QJsonArray { noUid, twoLeads, badContact });
    QCOMPARE(reply.status, 400);
    QStringList seen;
    for (const QJsonValue &v : reply.object().value("validation-errors").toArray()) {
        for (const QJsonValue &e : v.toObject().value("errors").toArray())
            seen << v.toObject().value("request_id").toString() + QLatin1Char(':')
                    + e.toObject().value("path").toString();
    }
    QVERIFY2(seen.contains("a:source_uid"), qPrintable(seen.join(' ')));
    QVERIFY2(seen.contains("b:_embedded.leads"), qPrintable(seen.join(' ')));
    QVERIFY2(seen.contains("c:_embedded.contacts.0.id"), qPrintable(seen.join(' ')));
    QVERIFY(state().value("unsorted").toArray().isEmpty());
}

void TestAmoSandboxUnsorted::acceptMovesTheLeadAndDeclineDeletesIt()
{
    const TestReply reply
        = m_client->post("/api/v4/leads/unsorted/forms", QJsonArray { form("x", {}), form("y", {}) });
    QCOMPARE(reply.status, 200);
    const QJsonArray items = reply.object().value("_embedded").toObject().value("unsorted").toArray();
    const auto leadOf = [](const QJsonValue &item) {
        return item.toObject()
            .value("_embedded")
            .toObject()
            .value("leads")
            .toArray()[0]
            .toObject()
            .value("id")
            .toInteger();
    };
    const QString accepted = items[0].toObject().value("uid").toString();
    const QString declined = items[1].toObject().value("uid").toString();
    QCOMPARE(m_client->post("/api/v4/leads/unsorted/" + accepted + "/accept", QJsonObject {}).status, 200);
    const qint64 status = m_client->get(QStringLiteral("/api/v4/leads/%1").arg(leadOf(items[0])))
                              .object()
                              .value("status_id")
                              .toInteger();
    QVERIFY(status != unsortedStatusOfMain());
    QVERIFY(status != 142 && status != 143);
    QCOMPARE(m_client->send("DELETE", "/api/v4/leads/unsorted/" + declined + "/decline").status, 200);
    QCOMPARE(m_client->get(QStringLiteral("/api/v4/leads/%1").arg(leadOf(items[1])))
                 .object()
                 .value("is_deleted")
                 .toBool(),
             true);
    QVERIFY(state().value("unsorted").toArray().isEmpty());
    QCOMPARE(m_client->post("/api/v4/leads/unsorted/" + accepted + "/accept", QJsonObject {}).status, 404);
}

QTEST_GUILESS_MAIN(TestAmoSandboxUnsorted)
#include "tst_AmoSandboxUnsorted.moc"
