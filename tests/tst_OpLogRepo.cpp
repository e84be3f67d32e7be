// SPDX-License-Identifier: GPL-3.0-or-later
#include "DialectSuite.h"
#include "TestEnv.h"
#include "storage/Sql.h"
#include "storage/Transaction.h"
#include "store/JobRepo.h"
#include "store/OpLogRepo.h"

#include <QTest>

using namespace Store;

class TestOpLogRepo : public TestSupport::DialectSuite
{
    Q_OBJECT
private:
    std::unique_ptr<OpLogRepo> m_log;

    OpLogEntry entry(qint64 at, int status, const QString &keys, std::optional<qint64> job = std::nullopt)
    {
        OpLogEntry e;
        e.atMs = at;
        e.connectionId = 1;
        e.lane = QStringLiteral("amocrm:main");
        e.jobId = job;
        e.method = QStringLiteral("POST");
        e.url = QStringLiteral("https://shop.amocrm.ru/api/v4/leads/complex");
        e.status = status;
        e.durationMs = 120;
        e.requestBody = QStringLiteral("[{\"name\":\"Заказ %1\"}]").arg(keys);
        e.responseBody = QStringLiteral("[]");
        e.keys = keys;
        return e;
    }

protected:
    void initStore() override { m_log = std::make_unique<OpLogRepo>(m_test->db()); }
    void cleanupStore() override { m_log.reset(); }

private Q_SLOTS:

    void appendAndReadBack()
    {
        auto id = m_log->append(entry(1000, 200, QStringLiteral("2311/1 +79123456789")));
        QVERIFY_OK(id);
        QVERIFY(id.value() > 0);
        auto back = m_log->get(id.value());
        QVERIFY_OK(back);
        QCOMPARE(back->status, 200);
        QCOMPARE(back->requestBody, QStringLiteral("[{\"name\":\"Заказ 2311/1 +79123456789\"}]"));
        QCOMPARE(back->connectionId, std::optional<qint64>(1));
        QVERIFY(!back->jobId.has_value());
    }

    void secretsAreRedactedOnTheWayIn()
    {
        OpLogEntry e = entry(1000, 200, QStringLiteral("x"));
        e.requestHeaders = QStringLiteral(
            "Authorization: Bearer eyJhbGciOi.secret.part\r\nContent-Type: application/json");
        e.requestBody = QStringLiteral(
            R"({"client_secret":"very-secret","refresh_token":"def50200abc","grant_type":"refresh_token"})");
        e.url = QStringLiteral("https://demo.retailcrm.ru/api/v5/orders?apiKey=KEY123&limit=20");
        auto id = m_log->append(e);
        QVERIFY_OK(id);
        const OpLogEntry back = m_log->get(id.value()).value();
        for (const QString &field : { back.requestHeaders, back.requestBody, back.url }) {
            QVERIFY2(!field.contains(QStringLiteral("eyJhbGciOi")), qPrintable(field));
            QVERIFY2(!field.contains(QStringLiteral("very-secret")), qPrintable(field));
            QVERIFY2(!field.contains(QStringLiteral("def50200abc")), qPrintable(field));
            QVERIFY2(!field.contains(QStringLiteral("KEY123")), qPrintable(field));
        }
        QVERIFY(back.requestBody.contains(QStringLiteral("\"grant_type\":\"refresh_token\"")));
        QVERIFY(back.url.contains(QStringLiteral("limit=20")));
    }

    void pagesNewestFirstByKeyset()
    {
        // Several rows share a timestamp: the (at, id) keyset still pages without gaps or repeats.
        for (int i = 0; i < 57; ++i)
            QVERIFY_OK(m_log->append(entry(1000 + i / 3, 200, QStringLiteral("n%1").arg(i))));
        QList<qint64> ids;
        std::optional<OpLogCursor> cursor;
        for (;;) {
            auto page = m_log->page({}, cursor, 10);
            QVERIFY_OK(page);
            if (page->isEmpty())
                break;
            QVERIFY(page->first().requestBody.isEmpty()); // bodies only on request
            for (const OpLogEntry &e : *page)
                ids << e.id;
            cursor = OpLogCursor { page->last().atMs, page->last().id };
        }
        QCOMPARE(ids.size(), 57);
        QCOMPARE(QSet<qint64>(ids.begin(), ids.end()).size(), 57);
        QVERIFY(std::is_sorted(ids.rbegin(), ids.rend()));
    }

    /** A free-text search in windows of the newest rows: every match once, window after window. */
    void textSearchWalksTheLogInWindows()
    {
        // Rows share timestamps three by three, so window edges fall inside a run of equal times.
        for (int i = 0; i < 57; ++i)
            QVERIFY_OK(m_log->append(entry(1000 + i / 3, 200, QStringLiteral("n%1").arg(i))));
        OpLogFilter filter;
        filter.text = QStringLiteral("n1"); // n1, n10 … n19: 11 rows
        QList<qint64> found;
        int windows = 0;
        std::optional<OpLogCursor> floor;
        do {
            auto next = m_log->scanFloor(filter, floor, 10);
            QVERIFY_OK(next);
            OpLogFilter window = filter;
            window.floor = next.value();
            // Matches between the previous floor (exclusive) and this one (inclusive).
            std::optional<OpLogCursor> after = floor;
            for (;;) {
                auto page = m_log->page(window, after, 4);
                QVERIFY_OK(page);
                for (const OpLogEntry &e : *page)
                    found << e.id;
                if (page->size() < 4)
                    break;
                after = OpLogCursor { page->last().atMs, page->last().id };
            }
            floor = next.value();
            ++windows;
        } while (floor && windows < 20);
        QCOMPARE(windows, 6); // 57 rows in windows of 10
        QCOMPARE(found.size(), 11);
        QCOMPARE(QSet<qint64>(found.begin(), found.end()).size(), 11);
        QVERIFY(std::is_sorted(found.rbegin(), found.rend()));
        // The floor is the 10th newest row: ids 57 … 48 in the first window.
        auto first = m_log->scanFloor(filter, std::nullopt, 10);
        QVERIFY_OK(first);
        QVERIFY(first->has_value());
        QCOMPARE(m_log->get((*first)->id)->keys, QStringLiteral("n47"));
    }

    /** The most calls in one second (the dashboard's rate-limit tile). */
    void busiestSecond()
    {
        for (int i = 0; i < 5; ++i)
            QVERIFY_OK(m_log->append(entry(10'000 + i * 100, 200, QStringLiteral("a")))); // one second
        for (int i = 0; i < 3; ++i)
            QVERIFY_OK(m_log->append(entry(20'000 + i * 1000, 200, QStringLiteral("b")))); // three seconds
        QCOMPARE(m_log->busiestSecond({}).value(), 5);
        OpLogFilter later;
        later.fromMs = 15'000;
        QCOMPARE(m_log->busiestSecond(later).value(), 1);
        later.fromMs = 99'000;
        QCOMPARE(m_log->busiestSecond(later).value(), 0);
    }

    void filters()
    {
        QVERIFY_OK(m_log->append(entry(1000, 200, QStringLiteral("2311/1"), 5)));
        QVERIFY_OK(m_log->append(entry(2000, 400, QStringLiteral("2311/2 maria@example.ru"), 6)));
        QVERIFY_OK(m_log->append(entry(3000, 503, QStringLiteral("2311/3"), 7)));
        OpLogEntry noAnswer = entry(4000, 0, QStringLiteral("2311/4"), 8);
        noAnswer.error = QStringLiteral("Connection reset by peer");
        QVERIFY_OK(m_log->append(noAnswer));

        OpLogFilter f;
        f.statusClass = StatusClass::ClientError;
        QCOMPARE(m_log->count(f).value(), 1);
        f.statusClass = StatusClass::ServerError;
        QCOMPARE(m_log->count(f).value(), 1);
        f.statusClass = StatusClass::NoAnswer;
        QCOMPARE(m_log->count(f).value(), 1);
        f.statusClass = StatusClass::AnyError;
        QCOMPARE(m_log->count(f).value(), 3);

        OpLogFilter range;
        range.fromMs = 2000;
        range.toMs = 4000;
        QCOMPARE(m_log->count(range).value(), 2);

        OpLogFilter byJob;
        byJob.jobId = 7;
        QCOMPARE(m_log->page(byJob, std::nullopt, 10)->first().status, 503);

        OpLogFilter byText;
        byText.text = QStringLiteral("MARIA@example");
        QCOMPARE(m_log->count(byText).value(), 1);
        byText.text = QStringLiteral("reset by peer");
        QCOMPARE(m_log->count(byText).value(), 1);
        byText.text = QStringLiteral("100%");
        QCOMPARE(m_log->count(byText).value(), 0); // % is a literal, not a wildcard
    }

    void searchesByKeyThroughTheIndex()
    {
        QVERIFY_OK(
            m_log->append(entry(1000, 200, QStringLiteral("2311/1 +79123456789 Maria@Example.ru"), 5)));
        QVERIFY_OK(m_log->append(entry(2000, 200, QStringLiteral("2311/12 89123456780"), 6)));
        QVERIFY_OK(m_log->append(entry(3000, 200, QStringLiteral("2311/1"), 7)));

        OpLogFilter byKey;
        byKey.key = QStringLiteral("2311/1"); // whole keys only: not 2311/12
        QCOMPARE(m_log->count(byKey).value(), 2);
        auto page = m_log->page(byKey, std::nullopt, 10);
        QVERIFY_OK(page);
        QCOMPARE(page->size(), 2);
        QCOMPARE(page->at(0).atMs, 3000); // newest first
        QCOMPARE(page->at(1).atMs, 1000);
        QCOMPARE(m_log->page(byKey, OpLogCursor { 3000, page->at(0).id }, 10)->size(), 1);

        byKey.key = QStringLiteral("8 912 345 67 89"); // a phone in another form
        QCOMPARE(m_log->count(byKey).value(), 1);
        byKey.key = QStringLiteral("+79123456780");
        QCOMPARE(m_log->count(byKey).value(), 1);
        byKey.key = QStringLiteral("maria@example.RU");
        QCOMPARE(m_log->count(byKey).value(), 1);
        byKey.key = QStringLiteral("nobody@example.ru");
        QCOMPARE(m_log->count(byKey).value(), 0);
        byKey.key = QStringLiteral("2311/1");
        byKey.jobId = 7; // combines with the other filters
        QCOMPARE(m_log->count(byKey).value(), 1);

        QCOMPARE(OpLogRepo::normaliseKey(QStringLiteral(" 8 (903) 111-22-33 ")),
                 QStringLiteral("79031112233"));
        QCOMPARE(OpLogRepo::normaliseKey(QStringLiteral("Order-17")), QStringLiteral("order-17"));

        // Pruning drops the keys of the pruned entries with them.
        QCOMPARE(m_log->pruneOlderThan(2500).value(), 2);
        byKey.jobId.reset();
        QCOMPARE(m_log->count(byKey).value(), 1);
        auto left = Storage::Sql::scalar(*m_test->db(), QStringLiteral("SELECT COUNT(*) FROM op_log_keys"));
        QVERIFY_OK(left);
        QCOMPARE(left->toInt(), 1);
    }

    /** amoCRM's leads/complex and RetailCRM's orders/upload carry many orders: each is found by its job,
     *  and by the order number, phone and email the shop shows, though the call's own keys name none. */
    void aBatchCallIsFoundByEveryJobAndOrderItCarried()
    {
        JobRepo jobs(m_test->db());
        QList<qint64> ids;
        for (int i = 61; i <= 63; ++i) {
            NewJob job;
            job.kind = QStringLiteral("order.created");
            job.idempotencyKey = QStringLiteral("order:shop:%1:created").arg(i);
            job.reference = QStringLiteral("2612/%1").arg(i);
            job.phone = QStringLiteral("+791270000%1").arg(i); // as sources store them: E.164
            job.email = QStringLiteral("buyer%1@example.ru").arg(i);
            auto enqueued = jobs.enqueue(job);
            QVERIFY_OK(enqueued);
            ids << enqueued->job.id;
        }
        OpLogEntry batch = entry(1000, 200, QStringLiteral("order:shop:61 order:shop:62 order:shop:63"));
        batch.jobIds = ids;
        auto batchId = m_log->append(batch);
        QVERIFY_OK(batchId);
        QVERIFY_OK(m_log->append(entry(2000, 200, QStringLiteral("other"), ids.at(0)))); // a call of one job

        auto read = m_log->get(batchId.value());
        QVERIFY_OK(read);
        QCOMPARE(read->jobIds, ids);
        QCOMPARE(read->jobId, ids.first());

        OpLogFilter byJob;
        byJob.jobId = ids.at(1);
        QCOMPARE(m_log->count(byJob).value(), 1);
        QCOMPARE(m_log->page(byJob, std::nullopt, 10)->first().id, batchId.value());
        byJob.jobId = ids.at(0);
        QCOMPARE(m_log->count(byJob).value(), 2);

        OpLogFilter byKey;
        byKey.key = QStringLiteral("2612/63"); // the number the shop shows
        QCOMPARE(m_log->count(byKey).value(), 1);
        QCOMPARE(m_log->page(byKey, std::nullopt, 10)->first().id, batchId.value());
        byKey.key = QStringLiteral("8 (912) 700-00-62"); // the phone in another form
        QCOMPARE(m_log->count(byKey).value(), 1);
        byKey.key = QStringLiteral("Buyer61@example.ru");
        QCOMPARE(m_log->count(byKey).value(), 2);
        byKey.key = QStringLiteral("2612/6"); // whole numbers only
        QCOMPARE(m_log->count(byKey).value(), 0);

        QCOMPARE(m_log->pruneOlderThan(1500).value(), 1);
        auto left = Storage::Sql::scalar(*m_test->db(), QStringLiteral("SELECT COUNT(*) FROM op_log_jobs"));
        QVERIFY_OK(left);
        QCOMPARE(left->toInt(), 1);
    }

    /** The free-text search on every row through the trigram index: what a plain LIKE over the keys, the
     *  address and the error finds (case-insensitive, % and " literal), newest first by (at, id) even
     *  where ids do not follow the times, page after page; a text of fewer than three characters is
     *  scanned for instead. */
    void textSearchFindsWhatALikeFindsOnEveryRow()
    {
        QStringList keys;
        for (int i = 0; i < 40; ++i) {
            // Times out of id order (calls answered in another order than they started).
            OpLogEntry e = entry(10'000 + (i * 7) % 40 * 10, i % 5 == 0 ? 400 : 200,
                                 QStringLiteral("3012/%1 +7912555%2 buyer%1@Mail.example")
                                     .arg(i)
                                     .arg(i, 4, 10, QLatin1Char('0')));
            if (i % 5 == 0)
                e.error = QStringLiteral("validation: \"NotSupportedChoice\" at 100% of field %1").arg(i);
            if (i % 8 == 0)
                e.url = QStringLiteral("https://shop.amocrm.ru/api/v4/leads/%1/notes").arg(9000 + i);
            QVERIFY_OK(m_log->append(e));
        }
        // What the search must find, row by row as the LIKE did (ASCII case folded).
        const auto expected = [this](const QString &text) {
            QList<QPair<qint64, qint64>> rows; // (at, id)
            std::optional<OpLogCursor> after;
            for (;;) {
                auto page = m_log->page({}, after, 100);
                if (!page || page->isEmpty())
                    break;
                for (const OpLogEntry &e : *page) {
                    if (e.keys.contains(text, Qt::CaseInsensitive)
                        || e.url.contains(text, Qt::CaseInsensitive)
                        || e.error.contains(text, Qt::CaseInsensitive))
                        rows << qMakePair(e.atMs, e.id);
                }
                after = OpLogCursor { page->last().atMs, page->last().id };
            }
            return rows;
        };
        for (const QString &text : { QStringLiteral("3012/1"), QStringLiteral("MAIL.EXAMPLE"),
                                     QStringLiteral("buyer17@"), QStringLiteral("5550013"),
                                     QStringLiteral("notsupported"), QStringLiteral("\"NotSupportedChoice\""),
                                     QStringLiteral("100% of"), QStringLiteral("leads/9016/notes"),
                                     QStringLiteral("nobody"), QStringLiteral("mai"), QStringLiteral("%") }) {
            OpLogFilter filter;
            filter.text = text;
            QList<QPair<qint64, qint64>> found;
            std::optional<OpLogCursor> after;
            for (;;) {
                auto page = m_log->page(filter, after, 3);
                QVERIFY_OK(page);
                for (const OpLogEntry &e : *page)
                    found << qMakePair(e.atMs, e.id);
                if (page->size() < 3)
                    break;
                after = OpLogCursor { page->last().atMs, page->last().id };
            }
            QCOMPARE(found, expected(text));
            QCOMPARE(m_log->count(filter).value(), found.size());
        }
        QVERIFY(OpLogRepo::textIndexed(QStringLiteral(" abc ")));
        QVERIFY(!OpLogRepo::textIndexed(QStringLiteral(" ab ")));
        QVERIFY(OpLogRepo::textIndexed(QStringLiteral("ивн")));
    }

    /** A text most calls have (the amoCRM address) finds its first page among the newest rows; one that
     *  only the oldest calls have is found through the index. Rows written as the engine does, in bulk. */
    void commonAndRareTextsOnManyRows()
    {
        auto db = m_test->db();
        {
            Storage::Transaction tx(*db);
            QVERIFY(tx.isActive());
            for (int i = 0; i < 6000; ++i) {
                QVERIFY_OK(Storage::Sql::exec(
                    *db,
                    QStringLiteral("INSERT INTO op_log (at, lane, method, url, status, error, keys)"
                                   " VALUES (?, 'amocrm', 'POST', ?, 200, ?, ?)"),
                    { 1000 + i, QStringLiteral("https://shop.amocrm.ru/api/v4/leads/complex"),
                      i < 3 ? QStringLiteral("Ancient failure %1").arg(i) : QString(),
                      QStringLiteral("order-%1").arg(i) }));
            }
            QVERIFY_OK(tx.commit());
        }
        OpLogFilter common;
        common.text = QStringLiteral("leads/COMPLEX");
        auto page = m_log->page(common, std::nullopt, 50);
        QVERIFY_OK(page);
        QCOMPARE(page->size(), 50);
        QCOMPARE(page->first().atMs, 1000 + 5999);
        QCOMPARE(page->last().atMs, 1000 + 5950);
        QCOMPARE(m_log->count(common).value(), 6000);
        OpLogFilter rare;
        rare.text = QStringLiteral("ancient FAILURE");
        page = m_log->page(rare, std::nullopt, 50);
        QVERIFY_OK(page);
        QCOMPARE(page->size(), 3);
        QCOMPARE(page->first().error, QStringLiteral("Ancient failure 2"));
        // Pruning takes the rows out of the index with them.
        QCOMPARE(m_log->pruneOlderThan(1002).value(), 2);
        QCOMPARE(m_log->count(rare).value(), 1);
        QCOMPARE(m_log->count(common).value(), 5998);
    }

    /** A token in an error or a key is masked before it is stored, so the text index never holds it. */
    void theTextIndexHoldsNoSecrets()
    {
        OpLogEntry e = entry(1000, 401, QStringLiteral("2311/9 access_token=tok3nSecretValue"));
        e.error = QStringLiteral(R"(refused: {"refresh_token":"def50200SecretRefresh"} api_key=KeySecret42)");
        auto id = m_log->append(e);
        QVERIFY_OK(id);
        const OpLogEntry back = m_log->get(id.value()).value();
        for (const QString &secret :
             { QStringLiteral("tok3nSecretValue"), QStringLiteral("def50200SecretRefresh"),
               QStringLiteral("KeySecret42") }) {
            QVERIFY2(!back.error.contains(secret) && !back.keys.contains(secret),
                     qPrintable(back.error + QLatin1Char(' ') + back.keys));
            OpLogFilter filter;
            filter.text = secret;
            QCOMPARE(m_log->count(filter).value(), 0);
            if (!m_test->db()->isPostgres()) {
                auto indexed = Storage::Sql::scalar(
                    *m_test->db(),
                    QStringLiteral("SELECT COUNT(*) FROM op_log_text WHERE op_log_text MATCH ?"),
                    { QLatin1Char('"') + secret + QLatin1Char('"') });
                QVERIFY_OK(indexed);
                QCOMPARE(indexed->toInt(), 0);
            }
        }
        OpLogFilter kept;
        kept.text = QStringLiteral("2311/9");
        QCOMPARE(m_log->count(kept).value(), 1);
    }

    void prune()
    {
        for (int i = 0; i < 10; ++i)
            QVERIFY_OK(m_log->append(entry(1000 * (i + 1), 200, QStringLiteral("p"))));
        QCOMPARE(m_log->pruneOlderThan(6000).value(), 5);
        QCOMPARE(m_log->count({}).value(), 5);
    }
};

QTEST_GUILESS_MAIN(TestOpLogRepo)
#include "tst_OpLogRepo.moc"
