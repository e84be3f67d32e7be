// SPDX-License-Identifier: GPL-3.0-or-later
// The shop's catalogue in the amoCRM sandbox's products list, through the running engine: the demo
// shop's products appear once (a second run sends nothing, a create whose answer is lost is found,
// not made again), a price change updates exactly one
// element, a deleted or unpublished product follows the connection's policy (keep, inactive, delete),
// a new order's deal shows its products with quantities, and a failed link (HTTP 500) is retried on
// that deal — the deals are counted, never made twice.
#include "TestShopSources.h"
#include "crm/ConnectorFactory.h"
#include "engine/CatalogLaneWork.h"
#include "engine/SyncEngine.h"
#include "fixtures/amocrm/AmoTestKit.h"
#include "source/SourceRepo.h"
#include "source/minishop2/DemoShopGenerator.h"
#include "source/minishop2/ShopDb.h"
#include "storage/Sql.h"
#include "store/CatalogRepo.h"
#include "store/JobRepo.h"
#include "store/SettingsRepo.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace AmoTestKit;
using Source::MiniShop2::DemoShopGenerator;
using Source::MiniShop2::ShopDb;
using Source::MiniShop2::ShopDbUrl;

class TestCatalogSync : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<Sandbox::AmoCrm::AmoCrmSandbox> m_sandbox;
    std::unique_ptr<Sandbox::Testing::SandboxTestClient> m_control;
    std::unique_ptr<TestSupport::TestDatabase> m_store;
    std::shared_ptr<Secrets::MemorySecretStore> m_secrets;
    std::unique_ptr<Crm::ConnectorFactory> m_connectors;
    std::unique_ptr<Engine::SyncEngine> m_engine;
    std::shared_ptr<ShopDb> m_shop;
    QTemporaryDir m_dir;
    QNetworkAccessManager m_network;
    qint64 m_connectionId = 0;

    QJsonObject state() { return m_control->get(QStringLiteral("/__sandbox/state")).object(); }

    qint64 productsCatalog()
    {
        for (const QJsonValue &c : state().value("catalogs").toArray()) {
            if (c.toObject().value("type").toString() == QLatin1String("products"))
                return c.toObject().value("id").toInteger();
        }
        return 0;
    }

    /** The catalogue field called @p codeOrName (by code, else by name). */
    qint64 catalogField(const QString &codeOrName)
    {
        const QString key = QStringLiteral("catalogs/%1").arg(productsCatalog());
        for (const QJsonValue &f : state().value("custom_fields").toObject().value(key).toArray()) {
            if (f.toObject().value("code").toString() == codeOrName
                || f.toObject().value("name").toString() == codeOrName)
                return f.toObject().value("id").toInteger();
        }
        return 0;
    }

    static QString valueOf(const QJsonObject &entity, qint64 field)
    {
        for (const QJsonValue &f : entity.value("custom_fields_values").toArray()) {
            if (f.toObject().value("field_id").toInteger() == field)
                return f.toObject()
                    .value("values")
                    .toArray()
                    .first()
                    .toObject()
                    .value("value")
                    .toVariant()
                    .toString();
        }
        return {};
    }

    /** Our elements (external id "shop:<product>") by product id, deleted ones included. */
    QHash<QString, QJsonObject> ourElements()
    {
        const qint64 external = catalogField(QStringLiteral("EXTERNAL_ID"));
        QHash<QString, QJsonObject> out;
        for (const QJsonValue &e : state().value("catalog_elements").toArray()) {
            const QString id = valueOf(e.toObject(), external);
            if (id.startsWith(QLatin1String("shop:"))) {
                if (out.contains(id.mid(5)))
                    out.insert(QStringLiteral("duplicate:") + id, e.toObject());
                else
                    out.insert(id.mid(5), e.toObject());
            }
        }
        return out;
    }

    int endpointCount(const QString &endpoint)
    {
        return state().value("counters").toObject().value("by_endpoint").toObject().value(endpoint).toInt();
    }

    QString shopScalar(const QString &sql)
    {
        auto q = m_shop->exec(sql);
        return q && q->next() ? q->value(0).toString() : QString();
    }

    void shopExec(const QString &sql) { QVERIFY_OK(m_shop->exec(sql)); }

    Store::CatalogRun lastRun()
    {
        for (const Store::CatalogRun &run : Store::CatalogRepo(m_store->db()).runs().valueOr({})) {
            if (run.connectionId == m_connectionId && run.source == QLatin1String("shop"))
                return run;
        }
        return {};
    }

    int catalogJobs(Store::JobState state)
    {
        auto count = Storage::Sql::scalar(
            *m_store->db(), QStringLiteral("SELECT COUNT(*) FROM jobs WHERE kind = ? AND state = ?"),
            { Engine::CatalogJobs::kKind, Store::jobStateName(state) });
        return count ? count->toInt() : -1;
    }

    /** Queues a run and waits until every catalogue run is done. */
    void syncNow(int expectedDone)
    {
        QVERIFY_OK(Engine::CatalogJobs::request(m_store->db(), m_connectionId, QStringLiteral("shop")));
        m_engine->wake();
        QTRY_COMPARE_WITH_TIMEOUT(catalogJobs(Store::JobState::Done), expectedDone, 60000);
    }

    void startEngine()
    {
        m_engine = std::make_unique<Engine::SyncEngine>(
            m_store->db(), [this](const Store::Connection &c) { return m_connectors->forConnection(c); });
        m_engine->setSecretStore(m_secrets);
        m_engine->setSources(TestSupport::shopSources());
        Engine::PollerConfig poller;
        poller.intervalMs = 100;
        m_engine->setPollerTemplate(poller);
        Engine::LaneConfig lane;
        lane.idlePollMs = 100;
        lane.retry.firstDelayMs = 200;
        lane.retry.maxDelayMs = 500;
        m_engine->setLaneTemplate(lane);
        QVERIFY(m_engine->start());
    }

    void stopEngine()
    {
        if (!m_engine)
            return;
        QSignalSpy stopped(m_engine.get(), &Engine::SyncEngine::stopped);
        m_engine->stop();
        QVERIFY(stopped.count() == 1 || stopped.wait(30000));
        m_engine.reset();
    }

private Q_SLOTS:
    void initTestCase()
    {
        Sandbox::AmoCrm::AmoSandboxOptions options;
        options.seed = QStringLiteral("empty");
        options.rate = 7;
        m_sandbox = std::make_unique<Sandbox::AmoCrm::AmoCrmSandbox>(options);
        QString error;
        QVERIFY2(m_sandbox->start(&error), qPrintable(error));
        m_control = std::make_unique<Sandbox::Testing::SandboxTestClient>(m_sandbox->baseUrl());
    }

    void init()
    {
        QVERIFY(m_dir.isValid());
        m_control->control(QStringLiteral("reset"), { { "seed", "demo" } });
        auto store = TestSupport::TestDatabase::create(QStringLiteral("sqlite"));
        QVERIFY_OK(store);
        m_store = std::move(store).value();
        m_secrets = std::make_shared<Secrets::MemorySecretStore>();
        Crm::ConnectorOptions options;
        options.requestsPerSecond = 7;
        m_connectors = std::make_unique<Crm::ConnectorFactory>(m_store->db(), m_secrets, options);
        m_connectionId = addConnection(m_store->db(), *m_sandbox);
        writeSecret(*m_secrets, m_connectionId, Crm::AmoCrm::AmoSecretNames::clientSecret(),
                    m_sandbox->clientSecret().toUtf8());
        Net::HttpClient client(&m_network, clientOptions(QStringLiteral("sign-in"), 7));
        QVERIFY_OK(signInWithCode(&client, m_secrets, m_connectionId, *m_sandbox, *m_control));

        // The demo shop: 24 products in 15 categories, two orders already placed.
        const QString path
            = m_dir.filePath(QStringLiteral("shop-%1.db").arg(QDateTime::currentMSecsSinceEpoch()));
        const QString url = QStringLiteral("sqlite://") + path;
        auto shop = ShopDb::open(ShopDbUrl::parse(url).value(), QStringLiteral("modx_"));
        QVERIFY_OK(shop);
        m_shop = shop.value();
        DemoShopGenerator::Options generate;
        generate.orders = 2;
        QVERIFY_OK(DemoShopGenerator::generate(*m_shop, generate));
        Source::SourceRecord record;
        record.name = QStringLiteral("shop");
        record.kind = QStringLiteral("minishop2");
        record.url = url;
        record.config = QJsonObject { { "prefix", "modx_" },
                                      { "start", "beginning" },
                                      { "site_url", "https://shop.example.ru" } };
        QVERIFY_OK(Source::SourceRepo(m_store->db()).add(record));
    }

    void cleanup()
    {
        stopEngine();
        m_connectors.reset();
        m_shop.reset();
        m_store.reset();
    }

    void demoProductsAppearOnce()
    {
        startEngine();
        syncNow(1);
        QHash<QString, QJsonObject> elements = ourElements();
        QCOMPARE(elements.size(), 24);
        QCOMPARE(lastRun().created, 24);
        QCOMPARE(lastRun().products, 24);
        QCOMPARE(Store::CatalogRepo(m_store->db()).linkedCount(m_connectionId).valueOr(0), 24);
        // What a manager sees on an element: the article, the price, the group path, the picture link.
        const QString product = shopScalar(
            QStringLiteral("SELECT MIN(id) FROM modx_site_content WHERE class_key = 'msProduct'"));
        const QJsonObject element = elements.value(product);
        QCOMPARE(
            element.value("name").toString(),
            shopScalar(QStringLiteral("SELECT pagetitle FROM modx_site_content WHERE id = %1").arg(product)));
        QCOMPARE(
            valueOf(element, catalogField(QStringLiteral("SKU"))),
            shopScalar(QStringLiteral("SELECT article FROM modx_ms2_products WHERE id = %1").arg(product)));
        QCOMPARE(valueOf(element, catalogField(QStringLiteral("PRICE"))).toDouble(),
                 shopScalar(QStringLiteral("SELECT price FROM modx_ms2_products WHERE id = %1").arg(product))
                     .toDouble());
        QCOMPARE(valueOf(element, catalogField(QStringLiteral("Раздел"))),
                 QStringLiteral("Одежда / Мужская / Куртки"));
        QCOMPARE(valueOf(element, catalogField(QStringLiteral("В продаже"))), QStringLiteral("true"));
        const int posts = endpointCount(QStringLiteral("POST /api/v4/catalogs/{id}/elements"));
        QCOMPARE(posts, 1); // 24 products: one batch

        // A second run changes nothing and sends nothing.
        syncNow(2);
        QCOMPARE(ourElements().size(), 24);
        QCOMPARE(endpointCount(QStringLiteral("POST /api/v4/catalogs/{id}/elements")), posts);
        QCOMPARE(endpointCount(QStringLiteral("PATCH /api/v4/catalogs/{id}/elements")), 0);
        QCOMPARE(lastRun().created, 0);
        QCOMPARE(lastRun().updated, 0);

        // A new store (the links lost) finds the elements by external id instead of making them again.
        stopEngine();
        QVERIFY_OK(Storage::Sql::exec(*m_store->db(), QStringLiteral("DELETE FROM catalog_items")));
        startEngine();
        syncNow(3);
        QCOMPARE(ourElements().size(), 24);
        QVERIFY(!ourElements().keys().join(',').contains(QLatin1String("duplicate")));
        QCOMPARE(endpointCount(QStringLiteral("POST /api/v4/catalogs/{id}/elements")), posts);
    }

    void lostCreateAnswerMakesNoSecondElement()
    {
        // amoCRM makes the 24 elements, and the answer is lost (a 500 instead): the run asks the list for
        // its external ids instead of sending them again.
        m_control->control(QStringLiteral("faults"),
                           { { "rules",
                               QJsonArray { QJsonObject { { "action", "status" },
                                                          { "status", 500 },
                                                          { "method", "POST" },
                                                          { "path", "^/api/v4/catalogs/\\d+/elements$" },
                                                          { "after", true },
                                                          { "times", 1 } } } } });
        startEngine();
        syncNow(1);
        QCOMPARE(state().value("faults").toArray().first().toObject().value("fired").toInt(), 1);
        const QHash<QString, QJsonObject> elements = ourElements();
        QCOMPARE(elements.size(), 24);
        QVERIFY(!elements.keys().join(',').contains(QLatin1String("duplicate")));
        QCOMPARE(endpointCount(QStringLiteral("POST /api/v4/catalogs/{id}/elements")), 1);
        QCOMPARE(lastRun().created, 24);
        QCOMPARE(lastRun().failed, 0);
        QCOMPARE(Store::CatalogRepo(m_store->db()).linkedCount(m_connectionId).valueOr(0), 24);
    }

    void priceChangeUpdatesExactlyOneElement()
    {
        startEngine();
        syncNow(1);
        const QString product = shopScalar(
            QStringLiteral("SELECT MAX(id) FROM modx_site_content WHERE class_key = 'msProduct'"));
        const QHash<QString, QJsonObject> before = ourElements();
        shopExec(QStringLiteral("UPDATE modx_ms2_products SET price = 12345 WHERE id = %1").arg(product));
        syncNow(2);
        QCOMPARE(lastRun().updated, 1);
        QCOMPARE(lastRun().created, 0);
        QCOMPARE(endpointCount(QStringLiteral("PATCH /api/v4/catalogs/{id}/elements")), 1);
        const QHash<QString, QJsonObject> after = ourElements();
        QCOMPARE(after.size(), 24);
        int changed = 0;
        for (auto it = after.cbegin(); it != after.cend(); ++it) {
            if (it.value() != before.value(it.key()))
                ++changed;
        }
        QCOMPARE(changed, 1);
        QCOMPARE(valueOf(after.value(product), catalogField(QStringLiteral("PRICE"))).toDouble(), 12345.0);
    }

    void removedProductFollowsPolicy_data()
    {
        QTest::addColumn<QString>("policy");
        QTest::addColumn<bool>("unpublish"); // else deleted
        QTest::newRow("deleted, keep") << "keep" << false;
        QTest::newRow("deleted, inactive") << "inactive" << false;
        QTest::newRow("deleted, delete") << "delete" << false;
        QTest::newRow("unpublished, inactive") << "inactive" << true;
        QTest::newRow("unpublished, delete") << "delete" << true;
    }

    void removedProductFollowsPolicy()
    {
        QFETCH(QString, policy);
        QFETCH(bool, unpublish);
        QVERIFY_OK(Store::SettingsRepo(m_store->db()).setValue(QStringLiteral("catalog.removed"), policy));
        startEngine();
        syncNow(1);
        const QString product = shopScalar(
            QStringLiteral("SELECT MIN(id) FROM modx_site_content WHERE class_key = 'msProduct'"));
        const QString elementId = QString::number(ourElements().value(product).value("id").toInteger());
        shopExec(
            QStringLiteral("UPDATE modx_site_content SET %1 WHERE id = %2")
                .arg(unpublish ? QStringLiteral("published = 0") : QStringLiteral("deleted = 1"), product));
        syncNow(2);
        const QJsonObject element = ourElements().value(product);
        QCOMPARE(QString::number(element.value("id").toInteger()), elementId);
        const QString active = valueOf(element, catalogField(QStringLiteral("В продаже")));
        if (policy == QLatin1String("keep")) {
            QCOMPARE(active, QStringLiteral("true"));
            QCOMPARE(element.value("is_deleted").toBool(), false);
            QCOMPARE(lastRun().retired, 0);
        } else if (policy == QLatin1String("inactive")) {
            QCOMPARE(active, QStringLiteral("false"));
            QCOMPARE(element.value("is_deleted").toBool(), false);
            QCOMPARE(
                element.value("name").toString(),
                shopScalar(
                    QStringLiteral("SELECT pagetitle FROM modx_site_content WHERE id = %1").arg(product)));
            QCOMPARE(lastRun().retired, 1);
        } else {
            QCOMPARE(element.value("is_deleted").toBool(), true);
            QCOMPARE(lastRun().retired, 1);
        }
        // The other 23 are untouched, and a third run has nothing to do.
        QCOMPARE(lastRun().updated, 0);
        syncNow(3);
        QCOMPARE(lastRun().retired, 0);
        QCOMPARE(lastRun().updated + lastRun().created, 0);
    }

    void newOrdersDealShowsItsProducts()
    {
        startEngine();
        syncNow(1);
        // The two demo orders may have gone before the catalogue existed; a new one comes after.
        QVERIFY_OK(DemoShopGenerator::addOrders(*m_shop, 1, 4, 11));
        const QString order = shopScalar(QStringLiteral("SELECT MAX(id) FROM modx_ms2_orders"));
        QHash<QString, double> lines; // product → quantity
        auto q = m_shop->exec(
            QStringLiteral("SELECT product_id, count FROM modx_ms2_order_products WHERE order_id = %1")
                .arg(order));
        QVERIFY_OK(q);
        while (q->next())
            lines[q->value(0).toString()] += q->value(1).toDouble();
        QVERIFY(!lines.isEmpty());
        const QString externalId = QStringLiteral("order:shop:%1").arg(order);
        QJsonObject lead;
        QTRY_VERIFY_WITH_TIMEOUT(!(lead = leadByExternalId(externalId)).isEmpty(), 30000);
        const qint64 leadId = lead.value("id").toInteger();
        QHash<QString, QJsonObject> elements = ourElements();
        QTRY_COMPARE_WITH_TIMEOUT(catalogLinks(leadId).size(), qsizetype(lines.size()), 30000);
        const QJsonArray links = catalogLinks(leadId);
        for (const QJsonValue &l : links) {
            const qint64 element = l.toObject().value("id").toInteger();
            QString product;
            for (auto it = elements.cbegin(); it != elements.cend(); ++it) {
                if (it.value().value("id").toInteger() == element)
                    product = it.key();
            }
            QVERIFY2(lines.contains(product), qPrintable(product));
            QCOMPARE(l.toObject().value("metadata").toObject().value("quantity").toDouble(),
                     lines.value(product));
            QCOMPARE(l.toObject().value("metadata").toObject().value("catalog_id").toInteger(),
                     productsCatalog());
        }
        // The note still lists the products for people.
        bool noted = false;
        for (const QJsonValue &n : state().value("notes").toArray())
            noted = noted || n.toObject().value("entity_id").toInteger() == leadId;
        QVERIFY(noted);
    }

    void failedLinkIsRetriedOnTheDealNeverASecondDeal()
    {
        startEngine();
        syncNow(1);
        // The link calls fail with a 500 for a while: longer than the HTTP client's own retries, so the
        // job is settled with its products pending and retried on the deal it made.
        m_control->control(QStringLiteral("faults"),
                           { { "rules",
                               QJsonArray { QJsonObject { { "action", "status" },
                                                          { "status", 500 },
                                                          { "method", "POST" },
                                                          { "path", "/api/v4/leads/link" },
                                                          { "times", 6 } } } } });
        QVERIFY_OK(DemoShopGenerator::addOrders(*m_shop, 1, 4, 12));
        const QString order = shopScalar(QStringLiteral("SELECT MAX(id) FROM modx_ms2_orders"));
        const QString externalId = QStringLiteral("order:shop:%1").arg(order);
        QJsonObject lead;
        QTRY_VERIFY_WITH_TIMEOUT(!(lead = leadByExternalId(externalId)).isEmpty(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!catalogLinks(lead.value("id").toInteger()).isEmpty(), 60000);
        const QJsonArray faults = state().value("faults").toArray();
        QCOMPARE(faults.first().toObject().value("fired").toInt(), 6);
        QVERIFY(endpointCount(QStringLiteral("POST /api/v4/leads/link")) >= 7);
        // One deal for the order, whatever the retries did.
        int deals = 0;
        for (const QJsonValue &l : state().value("leads").toArray())
            deals += leadExternalId(l.toObject()) == externalId ? 1 : 0;
        QCOMPARE(deals, 1);
        // Its job ends done: the deal, its note and, after the retries, its products.
        auto jobState = [this, &order] {
            auto state
                = Storage::Sql::scalar(*m_store->db(),
                                       QStringLiteral("SELECT state FROM jobs WHERE kind = 'order.created'"
                                                      " AND source_ref = ?"),
                                       { order });
            return state ? state->toString() : QString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(jobState(), QStringLiteral("done"), 30000);
        auto attempts = Storage::Sql::scalar(
            *m_store->db(),
            QStringLiteral("SELECT attempts FROM jobs WHERE kind = 'order.created' AND source_ref = ?"),
            { order });
        QVERIFY_OK(attempts);
        QVERIFY2(attempts->toInt() >= 2, "the products were added by a retry of the job");
        QCOMPARE(endpointCount(QStringLiteral("POST /api/v4/leads/complex")) >= 1, true);
    }

private:
    qint64 m_externalField = 0;

    QString leadExternalId(const QJsonObject &lead)
    {
        if (!m_externalField) {
            for (const QJsonValue &f : state().value("custom_fields").toObject().value("leads").toArray()) {
                if (f.toObject().value("name").toString() == QLatin1String("CRM Bridge ID"))
                    m_externalField = f.toObject().value("id").toInteger();
            }
        }
        return valueOf(lead, m_externalField);
    }

    QJsonObject leadByExternalId(const QString &externalId)
    {
        m_externalField = 0;
        for (const QJsonValue &l : state().value("leads").toArray()) {
            if (leadExternalId(l.toObject()) == externalId)
                return l.toObject();
        }
        return {};
    }

    /** The lead's catalogue lines as the sandbox keeps them: [{id, metadata{quantity, catalog_id}}]. */
    QJsonArray catalogLinks(qint64 leadId)
    {
        for (const QJsonValue &l : state().value("leads").toArray()) {
            if (l.toObject().value("id").toInteger() == leadId)
                return l.toObject().value("_embedded").toObject().value("catalog_elements").toArray();
        }
        return {};
    }
};

QTEST_GUILESS_MAIN(TestCatalogSync)
#include "tst_CatalogSync.moc"
