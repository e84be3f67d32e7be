// SPDX-License-Identifier: GPL-3.0-or-later
// Failures reach an operator who has no console open: `crmbridgectl run` sends a digest to a real SMTP
// conversation (a sink on loopback that speaks the protocol) and to an executable, once per digest
// interval, in the operator's language, counting only what is failed now.
#include "CtlProcess.h"
#include "storage/Database.h"
#include "store/ConnectionRepo.h"
#include "store/JobRepo.h"

#include <QFile>
#include <QPointer>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

using TestSupport::runCtl;

namespace {

/** A mail server on loopback that accepts every message and keeps it (RFC 5321, no TLS offered). */
class SmtpSink : public QObject
{
public:
    QTcpServer server;
    QList<QByteArray> messages;
    QStringList recipients;

    SmtpSink()
    {
        server.listen(QHostAddress::LocalHost);
        connect(&server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = server.nextPendingConnection()) {
                socket->write("220 sink.test ESMTP\r\n");
                auto buffer = std::make_shared<QByteArray>();
                auto inData = std::make_shared<bool>(false);
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer, inData] {
                    buffer->append(socket->readAll());
                    for (;;) {
                        if (*inData) {
                            const qsizetype end = buffer->indexOf("\r\n.\r\n");
                            if (end < 0)
                                return;
                            messages << buffer->left(end);
                            buffer->remove(0, end + 5);
                            *inData = false;
                            socket->write("250 queued\r\n");
                            continue;
                        }
                        const qsizetype eol = buffer->indexOf("\r\n");
                        if (eol < 0)
                            return;
                        const QByteArray line = buffer->left(eol);
                        buffer->remove(0, eol + 2);
                        const QByteArray verb = line.left(4).toUpper();
                        if (verb == "EHLO" || verb == "HELO")
                            socket->write("250-sink.test\r\n250 8BITMIME\r\n");
                        else if (verb == "RCPT") {
                            recipients << QString::fromUtf8(line.mid(8));
                            socket->write("250 ok\r\n");
                        } else if (verb == "DATA") {
                            *inData = true;
                            socket->write("354 go on\r\n");
                        } else if (verb == "QUIT") {
                            socket->write("221 bye\r\n");
                            socket->disconnectFromHost();
                        } else
                            socket->write("250 ok\r\n");
                    }
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }

    /** The subject (decoded) and the body (decoded) of message @p i. */
    std::pair<QString, QString> read(int i) const
    {
        const QByteArray raw = messages.value(i);
        const qsizetype split = raw.indexOf("\r\n\r\n");
        const QByteArray headers = raw.left(split);
        QString subject;
        static const QRegularExpression encoded(QStringLiteral(R"(Subject: =\?UTF-8\?B\?([^?]*)\?=)"));
        const auto m = encoded.match(QString::fromLatin1(headers));
        if (m.hasMatch())
            subject = QString::fromUtf8(QByteArray::fromBase64(m.captured(1).toLatin1()));
        QByteArray body = raw.mid(split + 4);
        body.replace("\r\n", "");
        return { subject, QString::fromUtf8(QByteArray::fromBase64(body)) };
    }
};

} // namespace

class TestNotifications : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_database;
    QString m_keyFile;
    qint64 m_connectionId = 0;
    int m_failed = 0;

    QStringList base() const
    {
        return { QStringLiteral("--database"), m_database, QStringLiteral("--secret-key-file"), m_keyFile };
    }

    void ctl(const QStringList &args, const QByteArray &input = {})
    {
        const auto run = runCtl(QStringLiteral(CRMBRIDGECTL_PATH), base() + args, input);
        QVERIFY2(run.exitCode == 0, qPrintable(args.join(QLatin1Char(' ')) + QStringLiteral(": ") + run.err));
    }

    /** A job that failed just now, with a cause of its own. */
    void failJob(const QString &number, const QString &why)
    {
        auto db = Storage::Database::open(m_database);
        QVERIFY(db);
        Store::JobRepo jobs(db.value());
        Store::NewJob job;
        job.kind = QStringLiteral("order.created");
        job.connectionId = m_connectionId;
        job.source = QStringLiteral("shop");
        job.sourceRef = number;
        job.idempotencyKey = QStringLiteral("order:shop:%1:created").arg(number);
        job.reference = number;
        auto added = jobs.enqueue(job);
        QVERIFY(added);
        // Leased under another owner than any lane, and failed as a lane would fail it.
        auto leased = jobs.lease(QStringLiteral("test-owner"), 100, 60'000, m_connectionId);
        QVERIFY(leased);
        for (const Store::Job &j : leased.value())
            QVERIFY(jobs.settleFailed(j.id, QStringLiteral("test-owner"),
                                      Common::Error::permanent(why, QStringLiteral("NotSupportedChoice"))));
        ++m_failed;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_database = QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("crmbridge.db"));
        m_keyFile = m_dir.filePath(QStringLiteral("key"));
        QFile key(m_keyFile);
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write(QByteArray(32, '\x21').toHex());
        key.close();
        QVERIFY(key.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
        ctl({ QStringLiteral("migrate") });
        // A connection whose CRM is not there: its lane runs (and may pause), nothing is due.
        ctl({ QStringLiteral("connection"), QStringLiteral("add"), QStringLiteral("retailcrm"),
              QStringLiteral("crm"), QStringLiteral("--base-url"), QStringLiteral("http://127.0.0.1:9"),
              QStringLiteral("--site"), QStringLiteral("shop") },
            "0123456789abcdefABCDEF0123456789");
        // The failed jobs belong to a connection that is switched off, so no lane of the running engine
        // takes them: they stay failed, as a lane would have left them.
        ctl({ QStringLiteral("connection"), QStringLiteral("add"), QStringLiteral("retailcrm"),
              QStringLiteral("archive"), QStringLiteral("--base-url"), QStringLiteral("http://127.0.0.1:9"),
              QStringLiteral("--site"), QStringLiteral("old") },
            "0123456789abcdefABCDEF0123456789");
        ctl({ QStringLiteral("connection"), QStringLiteral("set"), QStringLiteral("archive"),
              QStringLiteral("--enabled"), QStringLiteral("off") });
        auto db = Storage::Database::open(m_database);
        QVERIFY(db);
        auto connection = Store::ConnectionRepo(db.value()).byName(QStringLiteral("archive"));
        QVERIFY(connection);
        m_connectionId = connection->id;
    }

    void aDigestPerIntervalByMailAndCommand()
    {
        SmtpSink sink;
        QVERIFY(sink.server.isListening());
        const QString captured = m_dir.filePath(QStringLiteral("digests.txt"));
        const QString script = m_dir.filePath(QStringLiteral("notify.sh"));
        QFile sh(script);
        QVERIFY(sh.open(QIODevice::WriteOnly));
        sh.write(QStringLiteral("#!/bin/sh\n{ echo \"== $1\"; cat; } >> '%1'\n").arg(captured).toUtf8());
        sh.close();
        QVERIFY(sh.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));

        // One cause (numbers differ, the fingerprint blanks them), and another.
        failJob(QStringLiteral("2612/61"), QStringLiteral("Field 500123 “Размер” has no value 41"));
        failJob(QStringLiteral("2612/62"), QStringLiteral("Field 500123 “Размер” has no value 44"));
        failJob(QStringLiteral("2612/63"), QStringLiteral("The CRM refused the sign-in"));

        const QString smtp = QStringLiteral("smtp://127.0.0.1:%1").arg(sink.server.serverPort());
        for (const auto &[key, value] :
             { std::pair { "notify.smtp", smtp },
               std::pair { "notify.to", QStringLiteral("ops@shop.example") },
               std::pair { "notify.command", script }, std::pair { "notify.language", QStringLiteral("ru") },
               std::pair { "notify.digest_interval_s", QStringLiteral("3") } })
            ctl({ QStringLiteral("settings"), QStringLiteral("set"), QString::fromLatin1(key), value });

        QProcess engine;
        TestSupport::prepareCtl(engine, QStringLiteral(CRMBRIDGECTL_PATH),
                                base() + QStringList { QStringLiteral("run") });
        QProcessEnvironment env = engine.processEnvironment();
        env.insert(QStringLiteral("CRMBRIDGE_NOTIFY_CHECK_MS"), QStringLiteral("250"));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("en_US.UTF-8"));
        engine.setProcessEnvironment(env);
        engine.start();
        QVERIFY(engine.waitForStarted(10000));

        QTRY_COMPARE_WITH_TIMEOUT(sink.messages.size(), 1, 20000);
        QCOMPARE(sink.recipients, QStringList { QStringLiteral("<ops@shop.example>") });
        auto [subject, body] = sink.read(0);
        QCOMPARE(subject, QStringLiteral("CRM Bridge: не отправлено заданий: 3"));
        QVERIFY2(body.contains(QStringLiteral("2 × Field 500123 “Размер” has no value 4")), qPrintable(body));
        QVERIFY2(body.contains(QStringLiteral("1 × The CRM refused the sign-in")), qPrintable(body));
        QVERIFY(body.contains(QStringLiteral("crmbridgectl resend --failed --group")));

        // One new failure after the interval: one more digest, about that one only.
        failJob(QStringLiteral("2612/64"), QStringLiteral("Lead name is too long"));
        QTRY_COMPARE_WITH_TIMEOUT(sink.messages.size(), 2, 20000);
        std::tie(subject, body) = sink.read(1);
        QCOMPARE(subject, QStringLiteral("CRM Bridge: не отправлено заданий: 1"));
        QVERIFY2(body.contains(QStringLiteral("1 × Lead name is too long")), qPrintable(body));
        QVERIFY(!body.contains(QStringLiteral("Размер")));

        // The executable got the same two digests.
        auto digestsRun = [&captured] {
            QFile file(captured);
            return file.open(QIODevice::ReadOnly) ? int(file.readAll().count("== CRM Bridge")) : 0;
        };
        QTRY_COMPARE_WITH_TIMEOUT(digestsRun(), 2, 10000);

        // A third failure: a third digest — and never more digests than intervals with news.
        failJob(QStringLiteral("2612/65"), QStringLiteral("Lead name is too long"));
        QTRY_COMPARE_WITH_TIMEOUT(sink.messages.size(), 3, 20000);
        QCOMPARE(sink.read(2).first, QStringLiteral("CRM Bridge: не отправлено заданий: 1"));

        ::kill(pid_t(engine.processId()), SIGTERM);
        // The sink answers on this thread: wait with the event loop running (a digest may be in flight).
        QTRY_COMPARE_WITH_TIMEOUT(engine.state(), QProcess::NotRunning, 30000);
        QCOMPARE(sink.messages.size(), 3);
        QCOMPARE(m_failed, 5);
    }
};

QTEST_GUILESS_MAIN(TestNotifications)
#include "tst_Notifications.moc"
