// SPDX-License-Identifier: GPL-3.0-or-later
// MoySklad's retail sales as purchases on amoCRM customers, end to end with the running engine and
// both sandboxes: each private buyer is one customer with its contact, each sale one transaction with
// its sum, products and note «Покупка на …», the bonus card and points on the customer's fields; a
// new sale is a transaction within a poll interval, once across an engine restart and across an answer
// lost after amoCRM made the transaction; with customers off in amoCRM the jobs fail with the
// operator's message and a resend after they are on sends each once. MoySklad's 45-per-3-s budget
// is kept (its sandbox's counters).
#include "TestShopSources.h"
#include "crm/ConnectorFactory.h"
#include "engine/SyncEngine.h"
#include "fixtures/amocrm/AmoTestKit.h"
#include "fixtures/moysklad/MoySkladAmoKit.h"
#include "fixtures/retailcrm/RetailTestKit.h"
#include "moysklad/MoySkladSandbox.h"
#include "sandbox/tests/MoySkladCashier.h"
#include "sandbox/tests/MoySkladTestClient.h"
#include "source/SourceRepo.h"
#include "store/JobRepo.h"
#include "store/SettingsRepo.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>

using namespace AmoTestKit;
using Sandbox::Testing::MoySkladTestClient;

class TestMoySkladPurchases : public QObject
{
    Q_OBJECT

private:
    MoySkladAmoKit::Kit m_kit;
    std::unique_ptr<Sandbox::RetailCrm::RetailCrmSandbox> m_retail;
    std::unique_ptr<Sandbox::Testing::RetailTestClient> m_retailControl;
    QSet<qint64> m_seedTransactions;
    QSet<qint64> m_seedCustomers;
    Sandbox::Testing::MoySkladCashier m_cashier;

    QJsonObject amoState() { return m_kit.amoControl->get(QStringLiteral("/__sandbox/state")).object(); }

    /** The transactions CRM Bridge made (not the demo seed's). */
    QList<QJsonObject> transactions()
    {
        QList<QJsonObject> out;
        for (const QJsonValue &t : amoState().value("transactions").toArray()) {
            if (!m_seedTransactions.contains(t.toObject().value("id").toInteger())
                && !t.toObject().value("is_deleted").toBool())
                out << t.toObject();
        }
        return out;
    }

    QList<QJsonObject> customers()
    {
        QList<QJsonObject> out;
        for (const QJsonValue &c : amoState().value("customers").toArray()) {
            if (!m_seedCustomers.contains(c.toObject().value("id").toInteger()))
                out << c.toObject();
        }
        return out;
    }

    QList<Store::Job> jobs(const QString &kind) { return m_kit.jobs(kind); }
    int jobsIn(const QString &kind, Store::JobState state) { return m_kit.jobsIn(kind, state); }

    std::unique_ptr<Engine::SyncEngine> startEngine() { return m_kit.startEngine(500); }
    static void stopEngine(std::unique_ptr<Engine::SyncEngine> &engine)
    {
        MoySkladAmoKit::Kit::stopEngine(engine);
    }

    void addSource()
    {
        m_kit.addSource(QJsonObject { { "start", "beginning" } }); // sales as purchases: the default
    }

    QJsonObject link(const QString &type, const QString &filter)
    {
        return m_cashier.link(*m_kit.skladClient, type, filter);
    }

    /** A cashier rings up a sale of one 128 GB card in MoySklad. */
    void sell(const QString &buyer, qint64 kopecks)
    {
        QVERIFY(!m_cashier.sell(*m_kit.skladClient, buyer, kopecks).isEmpty());
    }

    QJsonObject customerNamed(const QString &name)
    {
        for (const QJsonObject &c : customers()) {
            if (c.value("name").toString() == name)
                return c;
        }
        return {};
    }

    QString fieldValue(const QJsonObject &customer, const QString &fieldName)
    {
        qint64 fieldId = 0;
        for (const QJsonValue &f :
             amoState().value("custom_fields").toObject().value("customers").toArray()) {
            if (f.toObject().value("name").toString() == fieldName)
                fieldId = f.toObject().value("id").toInteger();
        }
        for (const QJsonValue &v : customer.value("custom_fields_values").toArray()) {
            if (v.toObject().value("field_id").toInteger() == fieldId)
                return v.toObject()
                    .value("values")
                    .toArray()[0]
                    .toObject()
                    .value("value")
                    .toVariant()
                    .toString();
        }
        return {};
    }

    void checkBudget() { m_kit.checkBudget(); }

private Q_SLOTS:
    void initTestCase()
    {
        QString error = m_kit.startSandboxes();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        error = RetailTestKit::startDemoSandbox(m_retail, m_retailControl);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void init()
    {
        m_kit.resetAndSignIn();
        if (QTest::currentTestFailed())
            return;
        // A retried purchase is due a second after its failure.
        QVERIFY_OK(
            Store::SettingsRepo(m_kit.store->db()).setValue(QStringLiteral("retry.first_delay_s"), "1"));
        m_seedTransactions.clear();
        for (const QJsonValue &t : amoState().value("transactions").toArray())
            m_seedTransactions.insert(t.toObject().value("id").toInteger());
        m_seedCustomers.clear();
        for (const QJsonValue &c : amoState().value("customers").toArray())
            m_seedCustomers.insert(c.toObject().value("id").toInteger());
        m_cashier.forget();
        for (const char *buyer : { "Кузнецов Дмитрий", "Иванова Мария Сергеевна" })
            link(QStringLiteral("counterparty"), QStringLiteral("name=") + QString::fromUtf8(buyer));
        link(QStringLiteral("organization"), QStringLiteral("name~Фото"));
        link(QStringLiteral("product"), QStringLiteral("article=SD-128"));
        m_kit.skladClient->control("clock", { { "advance", 3 } });
    }

    void cleanup() { m_kit.cleanup(); }

    void salesArePurchasesOnTheirBuyersCustomers()
    {
        addSource();
        auto engine = startEngine();
        QVERIFY(engine);
        // Five of the six demo sales are to private buyers (four of them): five transactions on four
        // customers, each customer with its contact.
        QTRY_COMPARE_WITH_TIMEOUT(jobsIn(QStringLiteral("purchase.made"), Store::JobState::Done), 5, 60000);
        QCOMPARE(transactions().size(), 5);
        QTRY_COMPARE_WITH_TIMEOUT(jobsIn(QStringLiteral("customer.saved"), Store::JobState::Done), 4, 20000);
        QCOMPARE(customers().size(), 4);
        for (const QJsonObject &c : customers())
            QCOMPARE(c.value("_embedded").toObject().value("contacts").toArray().size(), 1);

        const QJsonObject maria = customerNamed(QStringLiteral("Иванова Мария Сергеевна"));
        QVERIFY(!maria.isEmpty());
        const qint64 mariaId = maria.value("id").toInteger();
        int hers = 0;
        qint64 total = 0;
        for (const QJsonObject &t : transactions()) {
            if (t.value("customer_id").toInteger() == mariaId) {
                ++hers;
                total += t.value("price").toInteger();
                QVERIFY2(t.value("comment").toString().startsWith(QStringLiteral("Продажа ")),
                         qPrintable(t.value("comment").toString()));
            }
        }
        QCOMPARE(hers, 2);
        QCOMPARE(maria.value("purchases_count").toInt(), 2);
        QCOMPARE(maria.value("ltv").toInteger(), total);
        // The note of each sale: its sum as managers write it, and its products.
        int notes = 0;
        for (const QJsonValue &n : amoState().value("notes").toArray()) {
            const QJsonObject note = n.toObject();
            if (note.value("entity_id").toInteger() != mariaId)
                continue;
            const QString text = note.value("params").toObject().value("text").toString();
            QVERIFY2(text.startsWith(QStringLiteral("Покупка на "))
                         && text.contains(QStringLiteral(" ₽: ")),
                     qPrintable(text));
            ++notes;
        }
        QCOMPARE(notes, 2);
        // The bonus card and points on the customer card.
        QCOMPARE(fieldValue(maria, QStringLiteral("Бонусная карта")), QStringLiteral("2000000000017"));
        QVERIFY(fieldValue(maria, QStringLiteral("Бонусные баллы")).toDouble() >= 500);

        // A new sale: a transaction on the right customer within a poll interval (and the send).
        const QJsonObject dmitry = customerNamed(QStringLiteral("Кузнецов Дмитрий"));
        QVERIFY(!dmitry.isEmpty());
        QElapsedTimer timer;
        timer.start();
        sell(QStringLiteral("Кузнецов Дмитрий"), 1234500);
        QTRY_COMPARE_WITH_TIMEOUT(transactions().size(), 6, 10000);
        qInfo("a new sale was a transaction after %lld ms", timer.elapsed());
        QVERIFY(timer.elapsed() < 3000);
        const QJsonObject last = transactions().last();
        QCOMPARE(last.value("customer_id").toInteger(), dmitry.value("id").toInteger());
        QCOMPARE(last.value("price").toInteger(), 12345);
        auto noted = [this, &dmitry] {
            for (const QJsonValue &n : amoState().value("notes").toArray()) {
                if (n.toObject().value("entity_id").toInteger() == dmitry.value("id").toInteger()
                    && n.toObject().value("params").toObject().value("text").toString().startsWith(
                        QStringLiteral("Покупка на 12 345 ₽: ")))
                    return true;
            }
            return false;
        };
        QTRY_VERIFY(noted());

        // Once across a restart.
        stopEngine(engine);
        engine = startEngine();
        QVERIFY(engine);
        QTest::qWait(2000); // negative check: four polls, still six
        stopEngine(engine);
        QCOMPARE(transactions().size(), 6);
        QCOMPARE(jobs(QStringLiteral("purchase.made")).size(), 6);
        QCOMPARE(customers().size(), 4);
        checkBudget();
    }

    void onceWhenTheAnswerIsLostAndTheEngineRestarts()
    {
        // amoCRM makes the first transaction and its answer is lost (a 500 after the work).
        m_kit.amoControl->control(QStringLiteral("faults"),
                                  { { "action", "status" },
                                    { "method", "POST" },
                                    { "path", "^/api/v4/customers/\\d+/transactions$" },
                                    { "status", 500 },
                                    { "after", true },
                                    { "times", 1 } });
        addSource();
        auto engine = startEngine();
        QVERIFY(engine);
        // The job whose answer was lost waits for its retry; the engine stops before it comes.
        auto waitsForRetry = [this] {
            for (const Store::Job &job : jobs(QStringLiteral("purchase.made"))) {
                if (job.state == Store::JobState::Sending && !job.lastError.isEmpty())
                    return true;
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(waitsForRetry(), 30000);
        stopEngine(engine);
        QCOMPARE(transactions().size() >= 1, true);
        engine = startEngine();
        QVERIFY(engine);
        QTRY_COMPARE_WITH_TIMEOUT(jobsIn(QStringLiteral("purchase.made"), Store::JobState::Done), 5, 60000);
        stopEngine(engine);
        // One transaction per sale: the lost one was found by its comment, not made again.
        QCOMPARE(transactions().size(), 5);
        QSet<QString> comments;
        for (const QJsonObject &t : transactions())
            comments.insert(t.value("comment").toString());
        QCOMPARE(comments.size(), 5);
        const QJsonArray faults = amoState().value("faults").toArray();
        QCOMPARE(faults[0].toObject().value("fired").toInt(), 1);
    }

    void customersOffFailClearlyAndAResendSendsThemOnce()
    {
        m_kit.amoControl->control(QStringLiteral("account"), { { "customers_mode", "disabled" } });
        addSource();
        auto engine = startEngine();
        QVERIFY(engine);
        QTRY_COMPARE_WITH_TIMEOUT(jobsIn(QStringLiteral("purchase.made"), Store::JobState::Failed), 5, 60000);
        for (const Store::Job &job : jobs(QStringLiteral("purchase.made"))) {
            QVERIFY2(job.lastError.contains(QStringLiteral("Customers are switched off in amoCRM")),
                     qPrintable(job.lastError));
            QVERIFY2(job.errorFingerprint.contains(QStringLiteral("customers-off"))
                         || !job.errorFingerprint.isEmpty(),
                     qPrintable(job.errorFingerprint));
        }
        QCOMPARE(transactions().size(), 0);
        QCOMPARE(customers().size(), 0);

        // A manager turns customers on; the operator resends the failed jobs.
        m_kit.amoControl->control(QStringLiteral("account"), { { "customers_mode", "segments" } });
        QVERIFY(Store::JobRepo(m_kit.store->db()).resendFailed().valueOr(0) >= 5);
        QTRY_COMPARE_WITH_TIMEOUT(jobsIn(QStringLiteral("purchase.made"), Store::JobState::Done), 5, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(jobsIn(QStringLiteral("customer.saved"), Store::JobState::Done), 4, 20000);
        stopEngine(engine);
        QCOMPARE(transactions().size(), 5);
        QCOMPARE(customers().size(), 4);
    }

    void aCrmWithoutCustomersTakesTheSalesAsOrders()
    {
        // A RetailCRM connection next to amoCRM: RetailCRM has no customers to take purchases, so the
        // same sales are orders there, while amoCRM gets them as purchases.
        m_retailControl->control(QStringLiteral("reset"), { { "seed", "demo" } });
        auto retailOrders = [this] {
            return int(m_retailControl->control(QStringLiteral("state"), {}, "GET")
                           .value("orders")
                           .toArray()
                           .size());
        };
        const int before = retailOrders();
        const qint64 retailId = RetailTestKit::addConnection(m_kit.store->db(), *m_retail);
        QVERIFY(retailId > 0);
        writeSecret(*m_kit.secrets, retailId, Crm::RetailCrm::RetailSecretNames::apiKey(),
                    m_retail->apiKey().toUtf8());
        QVERIFY_OK(RetailTestKit::saveMapping(m_kit.store->db(), m_kit.secrets, retailId, *m_retail));
        addSource();
        auto engine = startEngine();
        QVERIFY(engine);
        // Five private sales and one customer order.
        QTRY_COMPARE_WITH_TIMEOUT(retailOrders() - before, 6, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(transactions().size(), 5, 30000);
        stopEngine(engine);
        QCOMPARE(retailOrders() - before, 6);
        QCOMPARE(transactions().size(), 5);
    }
};

QTEST_GUILESS_MAIN(TestMoySkladPurchases)
#include "tst_MoySkladPurchases.moc"
