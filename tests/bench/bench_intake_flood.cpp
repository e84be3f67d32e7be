// SPDX-License-Identifier: GPL-3.0-or-later
// IntakeFloodBench: the engine's memory while clients try to exhaust its form intake (issue 16:
// 300 slow 1 MiB posts took the engine from 28 to 345 MB). A `crmbridgectl run` process takes forms
// and amoCRM webhooks; from 30 loopback addresses, 300 connections each declare a 1 MiB post (half to
// /forms, half to /hooks, all with the right secret) and send it slowly, never finishing; then the
// chunk size that killed the engine, on every connection that is left. A good post must still be
// stored during the flood, and SIGTERM must stop the engine after it.
//   RESULT intake_flood baseline_rss_mb=… peak_rss_mb=… connections=… refused_503=… refused_413=…
//          still_open=… closed_unanswered=… hostile_413=…/… stored_during_flood=… stop_s=…
// The baseline is the same engine's RSS once it listens, measured in the same run, before the flood.
#include "BenchSupport.h"
#include "TestEnv.h"
#include "secrets/SecretKey.h"
#include "source/intake/FormEndpointRepo.h"
#include "storage/Database.h"
#include "storage/Migrator.h"
#include "store/BackSyncConfig.h"
#include "store/ConnectionRepo.h"
#include "store/SettingsRepo.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <csignal>
#include <memory>
#include <vector>

namespace {

const QByteArray kSecret = "callback-secret-0123456789";

double rssOf(qint64 pid, const QByteArray &field)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field + ':'))
            return line.mid(field.size() + 1).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

/** One flooding connection: the head of a 1 MiB post, then its body a slice at a time. */
struct SlowPost
{
    std::unique_ptr<QTcpSocket> socket;
    qint64 sent = 0;
    QByteArray answer;
};

} // namespace

class TestIntakeFloodBench : public QObject
{
    Q_OBJECT
public:
    TestIntakeFloodBench() { Bench::allowMinutes(15); }

private Q_SLOTS:
    void slowPostsAndHostileChunksFromManyAddresses()
    {
        const int addresses = Bench::envInt("BENCH_FLOOD_ADDRESSES", 30);
        const int perAddress = Bench::envInt("BENCH_FLOOD_PER_ADDRESS", 10);
        const int seconds = Bench::envInt("BENCH_FLOOD_SECONDS", 20);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString database = QStringLiteral("sqlite://") + dir.filePath(QStringLiteral("flood.db"));
        const QString keyFile = dir.filePath(QStringLiteral("secret.key"));
        QVERIFY_OK(Secrets::SecretKey::generateFile(keyFile));
        quint16 port = 0;
        QString hookSecret;
        {
            auto db = Storage::Database::open(database);
            QVERIFY_OK(db);
            QVERIFY_OK(Storage::Migrator(*db.value()).migrate());
            QVERIFY_OK(Source::Intake::FormEndpointRepo(db.value())
                           .setSecret(QStringLiteral("callback"), QString::fromLatin1(kSecret)));
            Store::Connection amo;
            amo.name = QStringLiteral("amo");
            amo.crm = QStringLiteral("amocrm");
            amo.baseUrl = QStringLiteral("http://127.0.0.1:9");
            // Never signed in: its lane sends nothing, only the intake works here.
            Store::BackSyncConfig backSync;
            backSync.mode = Store::BackSyncConfig::Mode::Webhook;
            backSync.accountId = QStringLiteral("29000000");
            backSync.subdomain = QStringLiteral("shop");
            hookSecret = backSync.newHookSecret();
            backSync.applyTo(amo);
            QVERIFY_OK(Store::ConnectionRepo(db.value()).add(amo));
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            port = probe.serverPort();
            probe.close();
            QVERIFY_OK(
                Store::SettingsRepo(db.value())
                    .setValue(QStringLiteral("intake.listen"), QStringLiteral("0.0.0.0:%1").arg(port)));
            // The flood limit is not what is measured here: each address may post as fast as it likes.
            QVERIFY_OK(Store::SettingsRepo(db.value())
                           .setValue(QStringLiteral("intake.burst"), QStringLiteral("100000")));
        }

        QProcess engine;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        engine.setProcessEnvironment(env);
        engine.start(QStringLiteral(CRMBRIDGECTL_PATH),
                     { QStringLiteral("--database"), database, QStringLiteral("--secret-key-file"), keyFile,
                       QStringLiteral("run") });
        QVERIFY(engine.waitForStarted(10000));
        QString log;
        QTRY_VERIFY2_WITH_TIMEOUT((log += QString::fromUtf8(engine.readAllStandardError()))
                                      .contains(QStringLiteral("form intake listens on port")),
                                  qPrintable(log), 30000);
        const qint64 pid = engine.processId();
        const double baseline = rssOf(pid, "VmRSS");

        const QByteArray formHead = "POST /forms/callback HTTP/1.1\r\nHost: x\r\nContent-Type: "
                                    "application/x-www-form-urlencoded\r\nContent-Length: 1048576\r\n"
                                    "X-CRMBridge-Secret: "
            + kSecret + "\r\n\r\nname=";
        const QByteArray hookHead = "POST /hooks/amocrm/" + hookSecret.toUtf8()
            + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
              "Content-Length: 1048576\r\n\r\nleads=";
        std::vector<SlowPost> posts;
        for (int a = 0; a < addresses; ++a) {
            for (int c = 0; c < perAddress; ++c) {
                SlowPost post;
                post.socket = std::make_unique<QTcpSocket>();
                post.socket->bind(QHostAddress(QStringLiteral("127.0.0.%1").arg(2 + a)));
                post.socket->connectToHost(QHostAddress::LocalHost, port);
                posts.push_back(std::move(post));
            }
        }
        for (SlowPost &post : posts)
            post.socket->waitForConnected(5000);
        for (size_t i = 0; i < posts.size(); ++i) {
            const QByteArray &head = i % 2 ? hookHead : formHead;
            posts[i].socket->write(head);
            posts[i].sent = head.size() - (head.indexOf("\r\n\r\n") + 4); // body bytes sent with the head
        }
        // Each connection sends 32 KiB of its body every 100 ms, stopping one byte short of the end.
        const QByteArray slice(32 * 1024, 'x');
        QElapsedTimer clock;
        clock.start();
        int stored = -1;
        while (clock.elapsed() < seconds * 1000) {
            for (SlowPost &post : posts) {
                if (post.socket->state() != QAbstractSocket::ConnectedState)
                    continue;
                post.answer += post.socket->readAll();
                if (!post.answer.isEmpty() || post.socket->bytesToWrite() > 256 * 1024)
                    continue;
                const qint64 room = 1048576 - 1 - post.sent;
                if (room > 0) {
                    post.socket->write(slice.left(std::min<qint64>(room, slice.size())));
                    post.sent += std::min<qint64>(room, slice.size());
                }
            }
            QTest::qWait(100);
            if (stored < 0 && clock.elapsed() > seconds * 500) {
                // Midway: a person's post from an address of its own is still taken.
                QTcpSocket person;
                person.bind(QHostAddress(QStringLiteral("127.0.1.1")));
                person.connectToHost(QHostAddress::LocalHost, port);
                person.waitForConnected(5000);
                const QByteArray body = "name=Ivan&phone=%2B79031234567";
                person.write("POST /forms/callback HTTP/1.1\r\nHost: x\r\nContent-Type: "
                             "application/x-www-form-urlencoded\r\nX-CRMBridge-Secret: "
                             + kSecret + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n"
                             + body);
                QByteArray answer;
                while (person.state() == QAbstractSocket::ConnectedState && person.waitForReadyRead(5000))
                    answer += person.readAll();
                stored = answer.startsWith("HTTP/1.1 202") ? 1 : 0;
                QVERIFY2(stored == 1, answer.constData());
            }
        }
        // Then the chunk, on fresh connections from every address.
        std::vector<std::unique_ptr<QTcpSocket>> hostile;
        for (int a = 0; a < addresses; ++a) {
            auto socket = std::make_unique<QTcpSocket>();
            socket->bind(QHostAddress(QStringLiteral("127.0.0.%1").arg(2 + a)));
            socket->connectToHost(QHostAddress::LocalHost, port);
            if (socket->waitForConnected(5000))
                socket->write("POST /forms/callback HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                              "X-CRMBridge-Secret: "
                              + kSecret + "\r\n\r\n1\r\na\r\n7fffffffffffffff\r\n"
                              + QByteArray(256 * 1024, 'b'));
            hostile.push_back(std::move(socket));
        }
        QTest::qWait(2000);
        int refused503 = 0, refused413 = 0, open = 0, closedSilently = 0;
        for (SlowPost &post : posts) {
            post.answer += post.socket->readAll();
            refused503 += post.answer.startsWith("HTTP/1.1 503");
            refused413 += post.answer.startsWith("HTTP/1.1 413");
            open += post.answer.isEmpty() && post.socket->state() == QAbstractSocket::ConnectedState;
            closedSilently
                += post.answer.isEmpty() && post.socket->state() != QAbstractSocket::ConnectedState;
        }
        int hostile413 = 0, hostileAnswered = 0;
        for (auto &socket : hostile) {
            const QByteArray answer = socket->readAll();
            hostile413 += answer.startsWith("HTTP/1.1 413");
            // 503 when the address had no connection or byte budget left: refused as well.
            hostileAnswered += answer.startsWith("HTTP/1.1 413") || answer.startsWith("HTTP/1.1 503");
        }
        const double peak = rssOf(pid, "VmHWM");

        QElapsedTimer stopping;
        stopping.start();
        ::kill(pid_t(pid), SIGTERM);
        QVERIFY2(engine.waitForFinished(30000), "the engine did not stop on SIGTERM");
        const double stopSeconds = stopping.elapsed() / 1000.0;
        std::printf("RESULT intake_flood baseline_rss_mb=%.1f peak_rss_mb=%.1f connections=%d refused_503=%d "
                    "refused_413=%d still_open=%d closed_unanswered=%d hostile_413=%d/%d "
                    "stored_during_flood=%d stop_s=%.1f\n",
                    baseline, peak, int(posts.size()), refused503, refused413, open, closedSilently,
                    hostile413, int(hostile.size()), stored, stopSeconds);
        std::fflush(stdout);
        QCOMPARE(engine.exitCode(), 0);
        QVERIFY2(peak < 100.0, "the engine's memory passed 100 MB under the flood");
        QCOMPARE(hostileAnswered, int(hostile.size()));
    }
};

QTEST_GUILESS_MAIN(TestIntakeFloodBench)
#include "bench_intake_flood.moc"
