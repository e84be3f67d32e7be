// SPDX-License-Identifier: GPL-3.0-or-later
// MoySklad's products in amoCRM's catalogue with seed 003's deletion rules, end to end with the running
// engine and both sandboxes: N products are N elements (name, article, description, folder path,
// price in roubles), an edit in MoySklad updates its element on the next run and makes no second
// one; a product deleted in MoySklad only loses its link (its element stays, untouched by later runs,
// even with catalog.removed = delete); an element a manager deletes in amoCRM deletes its product in
// MoySklad exactly once — also when the answer to the DELETE is lost — and is never made again. The
// elements, MoySklad's products and its DELETE requests are counted; its 45-per-3-s budget is kept.
#include "TestShopSources.h"
#include "crm/ConnectorFactory.h"
#include "engine/CatalogLaneWork.h"
#include "engine/SyncEngine.h"
#include "fixtures/amocrm/AmoTestKit.h"
#include "fixtures/moysklad/MoySkladAmoKit.h"
#include "moysklad/MoySkladSandbox.h"
#include "sandbox/tests/MoySkladTestClient.h"
#include "source/SourceRepo.h"
#include "storage/Sql.h"
#include "store/CatalogRepo.h"
#include "store/JobRepo.h"
#include "store/SettingsRepo.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>

using namespace AmoTestKit;
using Sandbox::Testing::MoySkladTestClient;

class TestMoySkladCatalog : public QObject
{
    Q_OBJECT

private:
    static constexpr int kProducts = 30;
    static inline const QString kSource = QStringLiteral("sklad");
    static inline const QString kDeleteEndpoint = QStringLiteral("DELETE /api/remap/1.2/entity/product/{id}");

    MoySkladAmoKit::Kit m_kit;
    std::unique_ptr<Engine::SyncEngine> m_engine;
    QStringList m_products; ///< MoySklad ids, in the order they were made
    QList<QJsonObject> m_productMetas; ///< their `meta`, for documents that use them
    int m_seedElements = 0; ///< the amoCRM demo's own products, never ours to touch

    QJsonObject amoState() { return m_kit.amoControl->get(QStringLiteral("/__sandbox/state")).object(); }
    QJsonObject skladState() { return m_kit.skladClient->control("state", {}, "GET"); }

    qint64 catalogField(const QJsonObject &state, const QString &codeOrName)
    {
        qint64 catalog = 0;
        for (const QJsonValue &c : state.value("catalogs").toArray()) {
            if (c.toObject().value("type").toString() == QLatin1String("products"))
                catalog = c.toObject().value("id").toInteger();
        }
        const QString key = QStringLiteral("catalogs/%1").arg(catalog);
        for (const QJsonValue &f : state.value("custom_fields").toObject().value(key).toArray()) {
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

    /** Our elements (external id "sklad:<product>") by MoySklad id, deleted ones included; a second
     *  element of one product is kept under "duplicate:<id>". */
    QHash<QString, QJsonObject> ourElements()
    {
        const QJsonObject state = amoState();
        const qint64 external = catalogField(state, QStringLiteral("EXTERNAL_ID"));
        QHash<QString, QJsonObject> out;
        for (const QJsonValue &e : state.value("catalog_elements").toArray()) {
            const QString id = valueOf(e.toObject(), external);
            if (!id.startsWith(kSource + QLatin1Char(':')))
                continue;
            const QString product = id.mid(kSource.size() + 1);
            out.insert(out.contains(product) ? QStringLiteral("duplicate:") + product : product,
                       e.toObject());
        }
        return out;
    }

    int liveElements(const QHash<QString, QJsonObject> &elements)
    {
        int n = 0;
        for (const QJsonObject &e : elements)
            n += e.value("is_deleted").toBool() ? 0 : 1;
        return n;
    }

    int seedElementsLeft()
    {
        int n = 0;
        const QJsonObject state = amoState();
        const qint64 external = catalogField(state, QStringLiteral("EXTERNAL_ID"));
        for (const QJsonValue &e : state.value("catalog_elements").toArray())
            n += !valueOf(e.toObject(), external).startsWith(kSource)
                && !e.toObject().value("is_deleted").toBool();
        return n;
    }

    int amoEndpoint(const QString &endpoint)
    {
        return amoState()
            .value("counters")
            .toObject()
            .value("by_endpoint")
            .toObject()
            .value(endpoint)
            .toInt();
    }

    int skladEndpoint(const QString &endpoint)
    {
        return skladState()
            .value("counters")
            .toObject()
            .value("by_endpoint")
            .toObject()
            .value(endpoint)
            .toInt();
    }

    int skladProducts() { return skladState().value("entities").toObject().value("product").toInt(); }

    Store::CatalogItem item(const QString &product)
    {
        return Store::CatalogRepo(m_kit.store->db())
            .items(m_kit.connectionId, kSource)
            .valueOr({})
            .value(product);
    }

    Store::CatalogRun lastRun()
    {
        for (const Store::CatalogRun &run : Store::CatalogRepo(m_kit.store->db()).runs().valueOr({})) {
            if (run.connectionId == m_kit.connectionId && run.source == kSource)
                return run;
        }
        return {};
    }

    int catalogJobs(const QString &state)
    {
        auto count = Storage::Sql::scalar(
            *m_kit.store->db(), QStringLiteral("SELECT COUNT(*) FROM jobs WHERE kind = ? AND state = ?"),
            { Engine::CatalogJobs::kKind, state });
        return count ? count->toInt() : -1;
    }

    /** Queues a catalogue run and waits until it (and every earlier one) is done. */
    void syncNow(int expectedDone)
    {
        QVERIFY_OK(Engine::CatalogJobs::request(m_kit.store->db(), m_kit.connectionId, kSource));
        m_engine->wake();
        QTRY_COMPARE_WITH_TIMEOUT(catalogJobs(QStringLiteral("done")), expectedDone, 90000);
    }

    void startEngine()
    {
        m_engine
            = std::make_unique<Engine::SyncEngine>(m_kit.store->db(), [this](const Store::Connection &c) {
                  return m_kit.connectors->forConnection(c);
              });
        m_engine->setSecretStore(m_kit.secrets);
        m_engine->setSources(TestSupport::shopSources());
        Engine::PollerConfig poller;
        poller.intervalMs = 500;
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

    /** A user's change in MoySklad's web interface (not counted against the API budget). */
    QJsonObject ui(const QString &type, const QJsonObject &body)
    {
        return m_kit.skladClient->control(QStringLiteral("ui/") + type, body);
    }

    void checkBudget() { m_kit.checkBudget(); }

private Q_SLOTS:
    void initTestCase()
    {
        const QString error = m_kit.startSandboxes(QStringLiteral("empty"), 7);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void init()
    {
        m_kit.resetAndSignIn(7);
        if (QTest::currentTestFailed())
            return;

        // Фототехника / Камеры and Фототехника / Аксессуары, kProducts products across them.
        const QJsonObject photo = ui(QStringLiteral("productfolder"), { { "name", "Фототехника" } });
        const QJsonObject cameras = ui(
            QStringLiteral("productfolder"),
            { { "name", "Камеры" }, { "productFolder", QJsonObject { { "meta", photo.value("meta") } } } });
        const QJsonObject accessories
            = ui(QStringLiteral("productfolder"),
                 { { "name", "Аксессуары" },
                   { "productFolder", QJsonObject { { "meta", photo.value("meta") } } } });
        QVERIFY(!cameras.value("meta").toObject().isEmpty()
                && !accessories.value("meta").toObject().isEmpty());
        m_products.clear();
        m_productMetas.clear();
        for (int i = 0; i < kProducts; ++i) {
            const QJsonObject folder = i % 3 == 0 ? cameras : accessories;
            const QJsonObject made
                = ui(QStringLiteral("product"),
                     { { "name", QStringLiteral("Товар %1").arg(i + 1) },
                       { "article", QStringLiteral("ART-%1").arg(i + 1, 3, 10, QLatin1Char('0')) },
                       { "description", QStringLiteral("Описание %1").arg(i + 1) },
                       { "salePrices", QJsonArray { QJsonObject { { "value", 100000.0 + i * 1050 } } } },
                       { "productFolder", QJsonObject { { "meta", folder.value("meta") } } } });
            QVERIFY2(!made.value("id").toString().isEmpty(), QJsonDocument(made).toJson().constData());
            m_products << made.value("id").toString();
            m_productMetas << made.value("meta").toObject();
        }
        QCOMPARE(skladProducts(), kProducts);

        m_seedElements = seedElementsLeft();
        QVERIFY(m_seedElements > 0);

        m_kit.addSource(QJsonObject {}, kSource);
        startEngine();
    }

    void cleanup()
    {
        stopEngine();
        m_kit.cleanup();
    }

    void productsBecomeElementsAndEditsUpdateThem()
    {
        syncNow(1);
        QHash<QString, QJsonObject> elements = ourElements();
        QCOMPARE(elements.size(), kProducts);
        QCOMPARE(liveElements(elements), kProducts);
        QCOMPARE(lastRun().created, kProducts);
        QCOMPARE(lastRun().products, kProducts);
        QCOMPARE(Store::CatalogRepo(m_kit.store->db()).linkedCount(m_kit.connectionId).valueOr(0), kProducts);
        QCOMPARE(seedElementsLeft(), m_seedElements);

        const QJsonObject state = amoState();
        const QJsonObject fourth = elements.value(m_products[3]); // i = 3: a camera
        QCOMPARE(fourth.value("name").toString(), QStringLiteral("Товар 4"));
        QCOMPARE(valueOf(fourth, catalogField(state, QStringLiteral("SKU"))), QStringLiteral("ART-004"));
        QCOMPARE(valueOf(fourth, catalogField(state, QStringLiteral("DESCRIPTION"))),
                 QStringLiteral("Описание 4"));
        QCOMPARE(valueOf(fourth, catalogField(state, QStringLiteral("PRICE"))).toDouble(),
                 1031.5); // 103150 kopecks
        QCOMPARE(valueOf(fourth, catalogField(state, QStringLiteral("Раздел"))),
                 QStringLiteral("Фототехника / Камеры"));
        QCOMPARE(valueOf(elements.value(m_products[4]), catalogField(state, QStringLiteral("Раздел"))),
                 QStringLiteral("Фототехника / Аксессуары"));
        const int posts = amoEndpoint(QStringLiteral("POST /api/v4/catalogs/{id}/elements"));
        QVERIFY(posts >= 1);

        // A manager renames the product and changes its price in MoySklad.
        ui(QStringLiteral("product"),
           { { "id", m_products[3] },
             { "name", "Камера «Товар 4» II" },
             { "salePrices", QJsonArray { QJsonObject { { "value", 1234550.0 } } } } });
        syncNow(2);
        elements = ourElements();
        QCOMPARE(elements.size(), kProducts); // no second element
        QCOMPARE(lastRun().updated, 1);
        QCOMPARE(lastRun().created, 0);
        QCOMPARE(amoEndpoint(QStringLiteral("POST /api/v4/catalogs/{id}/elements")), posts);
        QCOMPARE(amoEndpoint(QStringLiteral("PATCH /api/v4/catalogs/{id}/elements")), 1);
        const QJsonObject edited = elements.value(m_products[3]);
        QCOMPARE(edited.value("id").toInteger(), fourth.value("id").toInteger());
        QCOMPARE(edited.value("name").toString(), QStringLiteral("Камера «Товар 4» II"));
        QCOMPARE(valueOf(edited, catalogField(amoState(), QStringLiteral("PRICE"))).toDouble(), 12345.5);
        checkBudget();
    }

    void productDeletedInMoySkladOnlyLosesItsLink()
    {
        // The operator asked other shops' removed products to be deleted: MoySklad's own rule wins.
        QVERIFY_OK(
            Store::SettingsRepo(m_kit.store->db()).setValue(QStringLiteral("catalog.removed.amo"), "delete"));
        syncNow(1);
        const QString gone = m_products[7];
        const QJsonObject before = ourElements().value(gone);
        QVERIFY(!before.isEmpty());
        QCOMPARE(item(gone).state, QStringLiteral("synced"));

        ui(QStringLiteral("product"), { { "id", gone }, { "delete", true } });
        QCOMPARE(skladProducts(), kProducts - 1);
        syncNow(2);
        QCOMPARE(lastRun().products, kProducts - 1);
        QCOMPARE(item(gone).state, QStringLiteral("unlinked"));
        QCOMPARE(Store::CatalogRepo(m_kit.store->db()).linkedCount(m_kit.connectionId).valueOr(0),
                 kProducts - 1);
        QHash<QString, QJsonObject> elements = ourElements();
        QCOMPARE(elements.size(), kProducts);
        QCOMPARE(elements.value(gone), before); // the element stays exactly as it was
        QCOMPARE(amoEndpoint(QStringLiteral("PATCH /api/v4/catalogs/{id}/elements")), 0);
        QCOMPARE(amoEndpoint(QStringLiteral("DELETE /api/v4/catalogs/{id}/elements")), 0);

        // A later run that does send something (a price change) still leaves it alone.
        ui(QStringLiteral("product"),
           { { "id", m_products[8] },
             { "salePrices", QJsonArray { QJsonObject { { "value", 777700.0 } } } } });
        const int posts = amoEndpoint(QStringLiteral("POST /api/v4/catalogs/{id}/elements"));
        syncNow(3);
        QCOMPARE(lastRun().updated, 1);
        QCOMPARE(amoEndpoint(QStringLiteral("PATCH /api/v4/catalogs/{id}/elements")), 1);
        QCOMPARE(amoEndpoint(QStringLiteral("POST /api/v4/catalogs/{id}/elements")), posts);
        elements = ourElements();
        QCOMPARE(elements.size(), kProducts);
        QCOMPARE(elements.value(gone), before);
        QCOMPARE(item(gone).state, QStringLiteral("unlinked"));
        QCOMPARE(skladEndpoint(kDeleteEndpoint), 0); // nothing deleted in MoySklad by the bridge
        QCOMPARE(seedElementsLeft(), m_seedElements);
        checkBudget();
    }

    void elementDeletedInAmoCrmDeletesItsProductOnce()
    {
        syncNow(1);
        const QString product = m_products[11];
        const qint64 element = ourElements().value(product).value("id").toInteger();
        QVERIFY(element > 0);
        const int posts = amoEndpoint(QStringLiteral("POST /api/v4/catalogs/{id}/elements"));

        const QJsonObject deleted = m_kit.amoControl->control(
            QStringLiteral("manager/delete-catalog-elements"), { { "ids", QJsonArray { element } } });
        QCOMPARE(deleted.value("deleted").toInt(), 1);
        syncNow(2);
        QCOMPARE(skladProducts(), kProducts - 1);
        QCOMPARE(skladEndpoint(kDeleteEndpoint), 1);
        QCOMPARE(m_kit.skladClient->get(QStringLiteral("/entity/product/") + product).status, 404);
        QCOMPARE(item(product).state, QStringLiteral("unlinked"));
        QCOMPARE(Store::CatalogRepo(m_kit.store->db()).linkedCount(m_kit.connectionId).valueOr(0),
                 kProducts - 1);
        QCOMPARE(amoEndpoint(QStringLiteral("POST /api/v4/catalogs/{id}/elements")), posts); // not made again
        QCOMPARE(liveElements(ourElements()), kProducts - 1);

        // Later runs neither delete again nor bring the element back.
        syncNow(3);
        QCOMPARE(skladEndpoint(kDeleteEndpoint), 1);
        QCOMPARE(skladProducts(), kProducts - 1);
        QCOMPARE(amoEndpoint(QStringLiteral("POST /api/v4/catalogs/{id}/elements")), posts);
        QCOMPARE(liveElements(ourElements()), kProducts - 1);
        QCOMPARE(seedElementsLeft(), m_seedElements);
        checkBudget();
    }

    void lostDeleteAnswerDeletesTheProductOnce()
    {
        syncNow(1);
        const QString product = m_products[20];
        const qint64 element = ourElements().value(product).value("id").toInteger();
        QVERIFY(element > 0);
        // MoySklad deletes the product, but its answer is lost on the way back (502).
        m_kit.skladClient->control(
            "faults",
            { { "rules",
                QJsonArray { QJsonObject { { "action", "status" },
                                           { "status", 502 },
                                           { "method", "DELETE" },
                                           { "path", "/api/remap/1.2/entity/product/" },
                                           { "after", true },
                                           { "times", 1 } } } } });
        m_kit.amoControl->control(QStringLiteral("manager/delete-catalog-elements"),
                                  { { "ids", QJsonArray { element } } });
        // The run fails, is retried, asks again (404: already gone) and settles; the product went once.
        syncNow(2);
        QCOMPARE(skladProducts(), kProducts - 1);
        QCOMPARE(skladEndpoint(kDeleteEndpoint), 2);
        QCOMPARE(skladState().value("counters").toObject().value("by_status").toObject().value("404").toInt(),
                 1);
        QCOMPARE(item(product).state, QStringLiteral("unlinked"));
        QCOMPARE(liveElements(ourElements()), kProducts - 1);
        syncNow(3);
        QCOMPARE(skladEndpoint(kDeleteEndpoint), 2);
        QCOMPARE(skladProducts(), kProducts - 1);
        checkBudget();
    }

    void productTheShopKeepsOnlyLosesItsLink()
    {
        syncNow(1);
        // A company bought the product (not a private buyer: the sale is not sent anywhere): MoySklad
        // will not delete a product a document uses.
        const QString product = m_products[5];
        const QJsonObject company = ui(QStringLiteral("counterparty"), { { "name", "ООО «Покупатель»" } });
        const QJsonObject organization
            = m_kit.skladClient->get(QStringLiteral("/entity/organization?limit=1"))
                  .object()
                  .value("rows")
                  .toArray()
                  .first()
                  .toObject();
        const QJsonObject sale = ui(
            QStringLiteral("retaildemand"),
            { { "agent", QJsonObject { { "meta", company.value("meta") } } },
              { "organization", QJsonObject { { "meta", organization.value("meta") } } },
              { "positions",
                QJsonArray { QJsonObject { { "assortment", QJsonObject { { "meta", m_productMetas[5] } } },
                                           { "quantity", 1 },
                                           { "price", 100000.0 } } } } });
        QVERIFY2(!sale.value("id").toString().isEmpty(), QJsonDocument(sale).toJson().constData());
        const qint64 element = ourElements().value(product).value("id").toInteger();
        const int posts = amoEndpoint(QStringLiteral("POST /api/v4/catalogs/{id}/elements"));
        m_kit.amoControl->control(QStringLiteral("manager/delete-catalog-elements"),
                                  { { "ids", QJsonArray { element } } });
        syncNow(2);
        QCOMPARE(skladEndpoint(kDeleteEndpoint), 1);
        QCOMPARE(skladProducts(), kProducts); // refused (409, 1028)
        QCOMPARE(item(product).state, QStringLiteral("unlinked"));
        QCOMPARE(catalogJobs(QStringLiteral("failed")), 0); // done, not failed: the deletion stands
        syncNow(3);
        QCOMPARE(skladEndpoint(kDeleteEndpoint), 1); // not asked again
        QCOMPARE(amoEndpoint(QStringLiteral("POST /api/v4/catalogs/{id}/elements")), posts); // not made again
        QCOMPARE(liveElements(ourElements()), kProducts - 1);
        checkBudget();
    }
};

QTEST_GUILESS_MAIN(TestMoySkladCatalog)
#include "tst_MoySkladCatalog.moc"
