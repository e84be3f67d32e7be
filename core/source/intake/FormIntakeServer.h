// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Clock.h"
#include "common/Result.h"
#include "model/CrmWebhook.h"
#include "storage/Database.h"

#include <QHash>
#include <QHostAddress>
#include <QMap>
#include <QObject>
#include <memory>

class QThread;

namespace Source::Intake {

class IntakeWorker;

/** How the form intake listens and how much it takes. */
struct IntakeConfig
{
    QHostAddress address = QHostAddress::LocalHost; ///< behind a reverse proxy by default
    quint16 port = 8088; ///< 0: any free port (tests)
    qsizetype maxBodyBytes = 1024 * 1024; ///< larger posts get 413 before their body is read
    int burst = 20; ///< per client IP …
    double perMinute = 60; ///< … then this many a minute; more get 429
    bool trustForwardedFor = false; ///< behind a proxy: the client is the last X-Forwarded-For address
    int requestTimeoutMs = 30000; ///< a client that sends too slowly is dropped (408)
    int hookBurst = 100; ///< a CRM webhook with its right secret, per client IP …
    double hookPerMinute = 600; ///< … then this many a minute
    int maxConnectionsPerClient = 16; ///< open connections per client address; more get 503
    qsizetype maxBufferedBytesPerClient = 8 * 1024 * 1024; ///< unanswered bytes per client address
    int maxConnections = 512; ///< in all
    qsizetype maxBufferedBytes = 32 * 1024 * 1024; ///< in all: with the caps above, the memory bound
    /** The readers of CRM webhook bodies by CRM kind ("amocrm"), registered by the app: `/hooks/<crm>/…`
     *  is 404 for a CRM without one. */
    QHash<QString, Model::WebhookParser> webhookParsers;

    /** From the shared settings: intake.listen ("127.0.0.1:8088"), intake.burst, intake.per_minute,
     *  intake.trust_forwarded_for ("1"); missing keys keep the defaults above. */
    static Common::Result<IntakeConfig> fromSettings(const QMap<QString, QString> &settings);
};

/**
 * The HTTP endpoint web forms and CRM webhooks post to (see IntakeHandler for URLs and answers), a small
 * HTTP/1.1 server over QTcpServer on its own thread. QHttpServer 6.4 reads a whole body before a handler sees
 * it, so it cannot refuse an oversized post early; this server reads requests with Net::HttpRequestReader
 * and checks the per-IP token bucket (every path), the route and the secret from the head, before a
 * body byte is read or `100 Continue` is sent. Connections and unanswered bytes are capped per client
 * address and in all (ClientQuota), so memory stays bounded whatever clients send.
 *
 * Threading: the object lives on its owner's thread (GUI or engine); the server and its store
 * connection live on a QThread this object owns, started by start() and stopped (quit + wait) by
 * stop() or the destructor. Signals are emitted from the server thread (queued to receivers).
 */
class FormIntakeServer : public QObject
{
    Q_OBJECT
public:
    FormIntakeServer(std::shared_ptr<Storage::Database> store, IntakeConfig config,
                     const Common::Clock *clock = Common::Clock::system(), QObject *parent = nullptr);
    ~FormIntakeServer() override;

    /**
     * The intake of an engine (`crmbridgectl run`, the desktop app): started when the store has a form
     * (`crmbridgectl form add`), a published ICML catalogue, or a connection taking back-sync by webhook
     * (`crmbridgectl backsync enable`), listening as the intake.* settings say; null otherwise.
     */
    static Common::Result<std::unique_ptr<FormIntakeServer>>
    startIfConfigured(std::shared_ptr<Storage::Database> store,
                      QHash<QString, Model::WebhookParser> webhookParsers,
                      const Common::Clock *clock = Common::Clock::system());

    /** Starts listening; returns the port (the chosen one when config.port is 0). */
    Common::Result<quint16> start();
    void stop();
    bool isRunning() const { return m_thread != nullptr; }
    quint16 port() const { return m_port; }

Q_SIGNALS:
    /** A request was answered: its HTTP status and form name (for the dashboard). */
    void requestAnswered(int status, const QString &form);
    /** A CRM webhook was taken (its stage changes are jobs now): the status lanes can look at once. */
    void webhookStored();
    /** A shop's webhook said something changed in @p source: its poller can read it at once. */
    void shopChanged(const QString &source);

private:
    std::shared_ptr<Storage::Database> m_store;
    IntakeConfig m_config;
    const Common::Clock *m_clock;
    QThread *m_thread = nullptr;
    IntakeWorker *m_worker = nullptr;
    quint16 m_port = 0;
};

} // namespace Source::Intake
