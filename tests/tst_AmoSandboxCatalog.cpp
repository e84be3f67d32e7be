// SPDX-License-Identifier: GPL-3.0-or-later
// Conformance of the amoCRM sandbox's catalogs (lists) and their links to leads: the products list's
// predefined fields, one products list per account, element batches of 250, deletes of 50, the link
// API with catalog_elements (quantity, catalog_id, price_id), its validation errors, and the 7 rps limit.

#include "amocrm/AmoCrmSandbox.h"
#include "sandbox/tests/DemoAmoSandbox.h"
#include "sandbox/tests/SandboxTestClient.h"

#include <QTest>

using namespace Sandbox::AmoCrm;
using namespace Sandbox::Testing;

class TestAmoSandboxCatalog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void productsListHasPredefinedFields();
    void oneProductsListPerAccount();
    void elementBatchesOf250();
    void deleteInBatchesOf50();
    void linkCatalogElementsToLead();
    void linkValidation();
    void massLinkAcrossLeads();
    void sevenRequestsPerSecond();

private:
    qint64 productsCatalog();
    qint64 anyLead(int index = 0);
    QJsonArray links(qint64 lead);
    QList<qint64> addElements(qint64 catalog, int count, const QString &prefix);

    std::unique_ptr<AmoCrmSandbox> m_sandbox;
    std::unique_ptr<SandboxTestClient> m_client;
};

void TestAmoSandboxCatalog::initTestCase()
{
    QString error;
    QVERIFY2(Sandbox::Testing::startDemoAmoSandbox(m_sandbox, m_client, &error), qPrintable(error));
}

void TestAmoSandboxCatalog::init()
{
    m_client->control("reset", { { "seed", "demo" } });
    m_client->control("account", { { "rate", 0 }, { "reset_limiter", true } });
    QVERIFY(!m_client->authorize(m_sandbox->readyInfo()).isEmpty());
}

qint64 TestAmoSandboxCatalog::productsCatalog()
{
    for (const QJsonValue &c : m_client->get("/api/v4/catalogs")
                                   .object()
                                   .value("_embedded")
                                   .toObject()
                                   .value("catalogs")
                                   .toArray()) {
        if (c.toObject().value("type").toString() == QLatin1String("products"))
            return c.toObject().value("id").toInteger();
    }
    return 0;
}

qint64 TestAmoSandboxCatalog::anyLead(int index)
{
    return m_client->get("/api/v4/leads")
        .object()
        .value("_embedded")
        .toObject()
        .value("leads")
        .toArray()[index]
        .toObject()
        .value("id")
        .toInteger();
}

QJsonArray TestAmoSandboxCatalog::links(qint64 lead)
{
    QJsonArray out;
    for (const QJsonValue &l : m_client->get(QStringLiteral("/api/v4/leads/%1/links").arg(lead))
                                   .object()
                                   .value("_embedded")
                                   .toObject()
                                   .value("links")
                                   .toArray()) {
        if (l.toObject().value("to_entity_type").toString() == QLatin1String("catalog_elements"))
            out.append(l);
    }
    return out;
}

QList<qint64> TestAmoSandboxCatalog::addElements(qint64 catalog, int count, const QString &prefix)
{
    QJsonArray items;
    for (int i = 0; i < count; ++i)
        items.append(QJsonObject { { "name", QStringLiteral("%1 %2").arg(prefix).arg(i) } });
    QList<qint64> ids;
    for (const QJsonValue &e :
         m_client->post(QStringLiteral("/api/v4/catalogs/%1/elements").arg(catalog), items)
             .object()
             .value("_embedded")
             .toObject()
             .value("elements")
             .toArray())
        ids << e.toObject().value("id").toInteger();
    return ids;
}

void TestAmoSandboxCatalog::productsListHasPredefinedFields()
{
    const qint64 catalog = productsCatalog();
    QVERIFY(catalog >= 1000);
    const TestReply fields = m_client->get(QStringLiteral("/api/v4/catalogs/%1/custom_fields").arg(catalog));
    QCOMPARE(fields.status, 200);
    QStringList codes;
    for (const QJsonValue &f : fields.object().value("_embedded").toObject().value("custom_fields").toArray())
        codes << f.toObject().value("code").toString();
    for (const char *code : { "SKU", "DESCRIPTION", "PRICE", "GROUP", "EXTERNAL_ID" })
        QVERIFY2(codes.contains(QLatin1String(code)), code);

    // A products list made on an empty account gets the same fields.
    m_client->control("reset", { { "seed", "empty" } });
    QVERIFY(!m_client->authorize(m_sandbox->readyInfo()).isEmpty());
    QCOMPARE(productsCatalog(), 0);
    const TestReply made = m_client->post(
        "/api/v4/catalogs",
        QJsonArray { QJsonObject { { "name", QStringLiteral("Товары") }, { "type", "products" } } });
    QCOMPARE(made.status, 200);
    const qint64 fresh = productsCatalog();
    QVERIFY(fresh >= 1000);
    QCOMPARE(m_client->get(QStringLiteral("/api/v4/catalogs/%1/custom_fields").arg(fresh))
                 .object()
                 .value("_embedded")
                 .toObject()
                 .value("custom_fields")
                 .toArray()
                 .size(),
             5);
}

void TestAmoSandboxCatalog::oneProductsListPerAccount()
{
    const TestReply second = m_client->post(
        "/api/v4/catalogs",
        QJsonArray { QJsonObject { { "name", QStringLiteral("Ещё товары") }, { "type", "products" } } });
    QCOMPARE(second.status, 400);
    QVERIFY(second.contentType.startsWith("application/problem+json"));
    QVERIFY(second.body.contains("NotSupportedChoice"));
    // A regular list is fine.
    QCOMPARE(
        m_client
            ->post("/api/v4/catalogs",
                   QJsonArray { QJsonObject { { "name", QStringLiteral("Склады") }, { "type", "regular" } } })
            .status,
        200);
}

void TestAmoSandboxCatalog::elementBatchesOf250()
{
    const qint64 catalog = productsCatalog();
    QJsonArray items;
    for (int i = 0; i < 251; ++i)
        items.append(QJsonObject { { "name", QStringLiteral("Товар %1").arg(i) } });
    QCOMPARE(m_client->post(QStringLiteral("/api/v4/catalogs/%1/elements").arg(catalog), items).status, 422);
    items.removeLast();
    const TestReply ok = m_client->post(QStringLiteral("/api/v4/catalogs/%1/elements").arg(catalog), items);
    QCOMPARE(ok.status, 200);
    QCOMPARE(ok.object().value("_embedded").toObject().value("elements").toArray().size(), 250);

    // A blank name rejects the whole batch, with the item's request_id and path.
    const TestReply blank
        = m_client->post(QStringLiteral("/api/v4/catalogs/%1/elements").arg(catalog),
                         QJsonArray { QJsonObject { { "name", "ok" } },
                                      QJsonObject { { "name", " " }, { "request_id", "b" } } });
    QCOMPARE(blank.status, 400);
    const QJsonObject error = blank.object().value("validation-errors").toArray()[0].toObject();
    QCOMPARE(error.value("request_id").toString(), QStringLiteral("b"));
    QCOMPARE(error.value("errors").toArray()[0].toObject().value("path").toString(), QStringLiteral("name"));
    QCOMPARE(m_client->get(QStringLiteral("/api/v4/catalogs/%1/elements?limit=250&page=2").arg(catalog))
                 .object()
                 .value("_embedded")
                 .toObject()
                 .value("elements")
                 .toArray()
                 .size(),
             3); // 3 seeded + 250: nothing of the refused batch
}

void TestAmoSandboxCatalog::deleteInBatchesOf50()
{
    const qint64 catalog = productsCatalog();
    const QList<qint64> ids = addElements(catalog, 51, QStringLiteral("Снят"));
    QCOMPARE(ids.size(), 51);
    QJsonArray all;
    for (qint64 id : ids)
        all.append(QJsonObject { { "id", id } });
    const QString path = QStringLiteral("/api/v4/catalogs/%1/elements").arg(catalog);
    QCOMPARE(m_client->send("DELETE", path, QJsonDocument(all).toJson()).status, 422);
    const QJsonArray two { QJsonObject { { "id", ids[0] } }, QJsonObject { { "id", ids[1] } } };
    const TestReply deleted = m_client->send("DELETE", path, QJsonDocument(two).toJson());
    QCOMPARE(deleted.status, 204);
    QVERIFY(deleted.body.isEmpty());
    QCOMPARE(
        m_client->get(QStringLiteral("%1/%2").arg(path).arg(ids[0])).object().value("is_deleted").toBool(),
        true);
    QCOMPARE(m_client->get(path + "?limit=250")
                 .object()
                 .value("_embedded")
                 .toObject()
                 .value("elements")
                 .toArray()
                 .size(),
             3 + 49);
    // Deleting it again, or an unknown id, is NotFound.
    const TestReply again = m_client->send("DELETE", path, QJsonDocument(QJsonArray { two[0] }).toJson());
    QCOMPARE(again.status, 400);
    QVERIFY(again.body.contains("NotFound"));
}

void TestAmoSandboxCatalog::linkCatalogElementsToLead()
{
    const qint64 catalog = productsCatalog();
    const QList<qint64> ids = addElements(catalog, 2, QStringLiteral("Кружка"));
    const qint64 lead = anyLead();
    const qint64 contactsBefore = m_client->get(QStringLiteral("/api/v4/leads/%1/links").arg(lead))
                                      .object()
                                      .value("_total_items")
                                      .toInteger();
    const TestReply linked = m_client->post(
        QStringLiteral("/api/v4/leads/%1/link").arg(lead),
        QJsonArray {
            QJsonObject { { "to_entity_id", ids[0] },
                          { "to_entity_type", "catalog_elements" },
                          { "metadata", QJsonObject { { "quantity", 2 }, { "catalog_id", catalog } } } },
            QJsonObject { { "to_entity_id", ids[1] },
                          { "to_entity_type", "catalog_elements" },
                          { "metadata", QJsonObject { { "quantity", 1.5 }, { "catalog_id", catalog } } } } });
    QCOMPARE(linked.status, 200);
    QCOMPARE(linked.object().value("_embedded").toObject().value("links").toArray().size(), 2);
    QJsonArray now = links(lead);
    QCOMPARE(now.size(), 2);
    QCOMPARE(now[0].toObject().value("metadata").toObject().value("quantity").toDouble(), 2.0);
    QCOMPARE(now[0].toObject().value("metadata").toObject().value("catalog_id").toInteger(), catalog);
    QCOMPARE(now[1].toObject().value("metadata").toObject().value("quantity").toDouble(), 1.5);
    QCOMPARE(m_client->get(QStringLiteral("/api/v4/leads/%1/links").arg(lead))
                 .object()
                 .value("_total_items")
                 .toInteger(),
             contactsBefore + 2);

    // Linked again (a retried call): the quantity is replaced, no second line.
    QCOMPARE(m_client
                 ->post(QStringLiteral("/api/v4/leads/%1/link").arg(lead),
                        QJsonArray { QJsonObject {
                            { "to_entity_id", ids[0] },
                            { "to_entity_type", "catalog_elements" },
                            { "metadata", QJsonObject { { "quantity", 3 }, { "catalog_id", catalog } } } } })
                 .status,
             200);
    now = links(lead);
    QCOMPARE(now.size(), 2);
    QCOMPARE(now[1].toObject().value("to_entity_id").toInteger(), ids[0]);
    QCOMPARE(now[1].toObject().value("metadata").toObject().value("quantity").toDouble(), 3.0);

    // with=catalog_elements shows them on the lead; without, they are not there.
    const QJsonObject withElements
        = m_client->get(QStringLiteral("/api/v4/leads/%1?with=catalog_elements").arg(lead)).object();
    QCOMPARE(withElements.value("_embedded").toObject().value("catalog_elements").toArray().size(), 2);
    QVERIFY(!m_client->get(QStringLiteral("/api/v4/leads/%1").arg(lead))
                 .object()
                 .value("_embedded")
                 .toObject()
                 .contains("catalog_elements"));
    // filter[to_catalog_id] narrows the links to one list.
    QCOMPARE(
        m_client
            ->get(QStringLiteral("/api/v4/leads/%1/links?filter[to_catalog_id]=%2").arg(lead).arg(catalog))
            .object()
            .value("_total_items")
            .toInteger(),
        2);

    // Unlink answers 204 and takes the line away.
    const TestReply unlinked = m_client->post(
        QStringLiteral("/api/v4/leads/%1/unlink").arg(lead),
        QJsonArray { QJsonObject { { "to_entity_id", ids[1] },
                                   { "to_entity_type", "catalog_elements" },
                                   { "metadata", QJsonObject { { "catalog_id", catalog } } } } });
    QCOMPARE(unlinked.status, 204);
    QCOMPARE(links(lead).size(), 1);
}

void TestAmoSandboxCatalog::linkValidation()
{
    const qint64 catalog = productsCatalog();
    const QList<qint64> ids = addElements(catalog, 1, QStringLiteral("Чашка"));
    const qint64 lead = anyLead();
    auto link = [&](const QJsonObject &item) {
        return m_client->post(QStringLiteral("/api/v4/leads/%1/link").arg(lead), QJsonArray { item });
    };
    const TestReply noCatalog = link(QJsonObject { { "to_entity_id", ids[0] },
                                                   { "to_entity_type", "catalog_elements" },
                                                   { "metadata", QJsonObject { { "quantity", 1 } } } });
    QCOMPARE(noCatalog.status, 400);
    QVERIFY(noCatalog.body.contains("metadata.catalog_id"));
    const TestReply unknown = link(QJsonObject { { "to_entity_id", 999999999 },
                                                 { "to_entity_type", "catalog_elements" },
                                                 { "metadata", QJsonObject { { "catalog_id", catalog } } } });
    QCOMPARE(unknown.status, 400);
    QVERIFY(unknown.body.contains("NotFound"));
    QVERIFY(unknown.body.contains("to_entity_id"));
    const TestReply badQuantity = link(
        QJsonObject { { "to_entity_id", ids[0] },
                      { "to_entity_type", "catalog_elements" },
                      { "metadata", QJsonObject { { "quantity", "two" }, { "catalog_id", catalog } } } });
    QCOMPARE(badQuantity.status, 400);
    QVERIFY(badQuantity.body.contains("metadata.quantity"));
    QCOMPARE(links(lead).size(), 0);
    // A lead that does not exist.
    QCOMPARE(
        m_client
            ->post("/api/v4/leads/999999999/link", QJsonArray { QJsonObject { { "to_entity_id", ids[0] } } })
            .status,
        404);
}

void TestAmoSandboxCatalog::massLinkAcrossLeads()
{
    const qint64 catalog = productsCatalog();
    const QList<qint64> ids = addElements(catalog, 2, QStringLiteral("Блюдце"));
    const qint64 first = anyLead(0);
    const qint64 second = anyLead(1);
    auto item = [&](qint64 lead, qint64 element, double quantity) {
        return QJsonObject { { "entity_id", lead },
                             { "to_entity_id", element },
                             { "to_entity_type", "catalog_elements" },
                             { "metadata",
                               QJsonObject { { "quantity", quantity }, { "catalog_id", catalog } } } };
    };
    const TestReply linked = m_client->post(
        "/api/v4/leads/link",
        QJsonArray { item(first, ids[0], 1), item(first, ids[1], 4), item(second, ids[0], 2) });
    QCOMPARE(linked.status, 200);
    QCOMPARE(links(first).size(), 2);
    QCOMPARE(links(second).size(), 1);
    // One bad item rejects the batch: nothing of it is linked.
    const TestReply bad = m_client->post("/api/v4/leads/link",
                                         QJsonArray { item(second, ids[1], 1), item(999999999, ids[0], 1) });
    QCOMPARE(bad.status, 400);
    QVERIFY(bad.body.contains("entity_id"));
    QCOMPARE(links(second).size(), 1);
}

void TestAmoSandboxCatalog::sevenRequestsPerSecond()
{
    m_client->control("account", { { "rate", 7 }, { "html_429_every", 0 }, { "reset_limiter", true } });
    const qint64 catalog = productsCatalog();
    int limited = 0;
    for (int i = 0; i < 20; ++i) {
        const TestReply reply = m_client->get(QStringLiteral("/api/v4/catalogs/%1/elements").arg(catalog));
        limited += reply.status == 429 ? 1 : 0;
    }
    QVERIFY2(limited > 0, "20 requests in a burst are more than 7 per second");
    const QJsonObject counters = m_client->control("state", {}, "GET").value("counters").toObject();
    QVERIFY(counters.value("by_status").toObject().value("429").toInt() >= limited);
}

QTEST_GUILESS_MAIN(TestAmoSandboxCatalog)
#include "tst_AmoSandboxCatalog.moc"
