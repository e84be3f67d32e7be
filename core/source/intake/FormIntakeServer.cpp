// SPDX-License-Identifier: GPL-3.0-or-later
#include "FormIntakeServer.h"

#include "ClientQuota.h"
#include "FormEndpointRepo.h"
#include "IntakeConnection.h"
#include "IntakeHandler.h"
#include "IntakeLog.h"
#include "TokenBucket.h"
#include "source/ShopWebhooks.h"
#include "store/BackSyncConfig.h"
#include "store/ConnectionRepo.h"
#include "store/SettingsRepo.h"

#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#include <QUrl>

namespace Source::Intake {

using Common::Error;
using Common::Result;

Result<IntakeConfig> IntakeConfig::fromSettings(const QMap<QString, QString> &settings)
{
    IntakeConfig config;
    const QString listen = settings.value(QStringLiteral("intake.listen")).trimmed();
    if (!listen.isEmpty()) {
        const qsizetype colon = listen.lastIndexOf(QLatin1Char(':'));
        bool ok = false;
        const uint port = listen.mid(colon + 1).toUInt(&ok);
        QString host = listen.left(colon);
        if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
            host = host.mid(1, host.size() - 2);
        const QHostAddress address(host);
        if (colon <= 0 || !ok || port > 65535 || address.isNull())
            return Error::invalidInput(
                QStringLiteral("intake.listen must be ADDRESS:PORT, e.g. 127.0.0.1:8088, not \"%1\"")
                    .arg(listen));
        config.address = address;
        config.port = quint16(port);
    }
    if (settings.contains(QStringLiteral("intake.burst")))
        config.burst = std::max(1, settings.value(QStringLiteral("intake.burst")).toInt());
    if (settings.contains(QStringLiteral("intake.per_minute")))
        config.perMinute = std::max(0.1, settings.value(QStringLiteral("intake.per_minute")).toDouble());
    config.trustForwardedFor
        = settings.value(QStringLiteral("intake.trust_forwarded_for")) == QLatin1String("1");
    return config;
}

/** The server thread's half: the listening socket, the connections, the handler, buckets and quotas. */
class IntakeWorker : public QObject
{
public:
    IntakeWorker(std::shared_ptr<Storage::Database> store, IntakeConfig config, const Common::Clock *clock,
                 FormIntakeServer *owner)
        : m_config(std::move(config))
        , m_handler(std::move(store), m_config.webhookParsers, clock)
        , m_buckets(m_config.burst, m_config.perMinute, clock)
        , m_hookBuckets(m_config.hookBurst, m_config.hookPerMinute, clock)
        , m_quota(quotaLimits(m_config))
        , m_owner(owner)
    { }

    ~IntakeWorker() override
    {
        // The connections (children) use the quota and the handler: they go before those members do.
        const QObjectList children = this->children();
        for (QObject *child : children) {
            if (child != m_server)
                delete child;
        }
    }

    Result<quint16> listen()
    {
        m_server = new QTcpServer(this);
        if (!m_server->listen(m_config.address, m_config.port))
            return Error::unavailable(QStringLiteral("The form intake cannot listen on %1:%2: %3")
                                          .arg(m_config.address.toString())
                                          .arg(m_config.port)
                                          .arg(m_server->errorString()),
                                      QStringLiteral("listen"));
        connect(m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server->nextPendingConnection())
                accept(socket);
        });
        qCInfo(lcIntake) << "form intake listening on" << m_config.address.toString()
                         << m_server->serverPort();
        return m_server->serverPort();
    }

private:
    static ClientQuota::Limits quotaLimits(const IntakeConfig &config)
    {
        ClientQuota::Limits limits;
        limits.connections = config.maxConnections;
        limits.bytes = config.maxBufferedBytes;
        // Behind a proxy every client has the proxy's address: only the totals can be capped.
        limits.connectionsPerClient
            = config.trustForwardedFor ? config.maxConnections : config.maxConnectionsPerClient;
        limits.bytesPerClient
            = config.trustForwardedFor ? config.maxBufferedBytes : config.maxBufferedBytesPerClient;
        return limits;
    }

    static QString peerOf(QTcpSocket *socket)
    {
        QHostAddress peer = socket->peerAddress();
        bool isV4 = false;
        const quint32 v4 = peer.toIPv4Address(&isV4);
        if (isV4)
            peer = QHostAddress(v4);
        return peer.toString();
    }

    void accept(QTcpSocket *socket)
    {
        const QString peer = peerOf(socket);
        const bool admitted = m_quota.admit(peer);
        IntakeConnection::Hooks hooks;
        hooks.checkHead = [this, peer](const HttpRequest &request) { return checkHead(request, peer); };
        hooks.handle = [this, peer](const HttpRequest &request) {
            return m_handler.handle(request, clientIp(peer, request));
        };
        hooks.answered = [this](const HttpResponse &response, const HttpRequest *request) {
            const QList<QByteArray> parts = request ? request->path().split('/') : QList<QByteArray>();
            Q_EMIT m_owner->requestAnswered(
                response.status, parts.size() > 2 ? QUrl::fromPercentEncoding(parts[2]) : QString());
            if (request && IntakeHandler::isHook(*request) && response.status == 200)
                Q_EMIT m_owner->webhookStored();
            if (request && IntakeHandler::isShopHook(*request) && response.status == 200)
                Q_EMIT m_owner->shopChanged(QUrl::fromPercentEncoding(parts.value(2)));
        };
        Net::HttpRequestReader::Limits limits;
        limits.maxBodyBytes = m_config.maxBodyBytes;
        // A refused connection is answered and closed without reading a request; it holds no quota.
        auto *connection = new IntakeConnection(socket, peer, admitted ? &m_quota : nullptr, limits,
                                                m_config.requestTimeoutMs, std::move(hooks), this);
        if (!admitted) {
            qCWarning(lcIntake) << "too many connections from" << peer << "or in all; refused one";
            HttpResponse response = HttpResponse::json(
                503, "busy", QStringLiteral("Too many connections from this address; try again later"));
            response.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("5")));
            connection->answer(response);
        }
    }

    QString clientIp(const QString &peer, const HttpRequest &request) const
    {
        if (m_config.trustForwardedFor) {
            const QByteArray forwarded = request.header("X-Forwarded-For");
            if (!forwarded.isEmpty())
                return QString::fromLatin1(forwarded.split(',').last().trimmed());
        }
        return peer;
    }

    // Before a body byte is read: the flood limit (every path), then the route and secret. A webhook
    // with its right secret draws from its own, larger bucket: a manager moving 50 deals is 50 posts
    // at once, and amoCRM switches off a webhook that gets too many refusals. A wrong one draws from
    // the client's bucket like any other request, so guessing secrets is slowed down too.
    std::optional<HttpResponse> checkHead(const HttpRequest &request, const QString &peer)
    {
        const QString ip = clientIp(peer, request);
        const bool hook = IntakeHandler::isHook(request) || IntakeHandler::isShopHook(request);
        int retryAfter = 1;
        if (!hook && !m_buckets.take(ip, &retryAfter))
            return tooManyRequests(ip, retryAfter);
        std::optional<HttpResponse> refusal = m_handler.checkHead(request, ip);
        if (hook) {
            TokenBucket &bucket = refusal ? m_buckets : m_hookBuckets;
            if (!bucket.take(ip, &retryAfter))
                return tooManyRequests(ip, retryAfter);
        }
        return refusal;
    }

    static HttpResponse tooManyRequests(const QString &ip, int retryAfter)
    {
        qCWarning(lcIntake) << "too many requests from" << ip;
        HttpResponse response = HttpResponse::json(429, "too-many-requests", QStringLiteral("Slow down"));
        response.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray::number(retryAfter)));
        return response;
    }

    IntakeConfig m_config;
    IntakeHandler m_handler;
    TokenBucket m_buckets;
    TokenBucket m_hookBuckets;
    ClientQuota m_quota;
    FormIntakeServer *m_owner;
    QTcpServer *m_server = nullptr;
};

FormIntakeServer::FormIntakeServer(std::shared_ptr<Storage::Database> store, IntakeConfig config,
                                   const Common::Clock *clock, QObject *parent)
    : QObject(parent)
    , m_store(std::move(store))
    , m_config(std::move(config))
    , m_clock(clock)
{ }

FormIntakeServer::~FormIntakeServer()
{
    stop();
}

Result<std::unique_ptr<FormIntakeServer>>
FormIntakeServer::startIfConfigured(std::shared_ptr<Storage::Database> store,
                                    QHash<QString, Model::WebhookParser> webhookParsers,
                                    const Common::Clock *clock)
{
    auto forms = FormEndpointRepo(store).list();
    if (!forms)
        return forms.error();
    auto settings = Store::SettingsRepo(store).all();
    if (!settings)
        return settings.error();
    // Also when a catalogue is published for a CRM to download (icml.<source>.file, see IntakeHandler).
    const bool catalogues = std::any_of(settings->keyBegin(), settings->keyEnd(), [](const QString &key) {
        return key.startsWith(QLatin1String("icml."));
    });
    // And when a connection takes its CRM's stage changes by webhook (`crmbridgectl backsync enable`).
    auto connections = Store::ConnectionRepo(store).list();
    if (!connections)
        return connections.error();
    const bool webhooks
        = std::any_of(connections->cbegin(), connections->cend(), [](const Store::Connection &c) {
              return Store::BackSyncConfig::of(c).mode == Store::BackSyncConfig::Mode::Webhook;
          });
    // And when a shop posts its changes (`crmbridgectl source webhooks NAME --url …`).
    auto sources = SourceRepo(store).list();
    if (!sources)
        return sources.error();
    const bool shopHooks = std::any_of(sources->cbegin(), sources->cend(),
                                       [](const SourceRecord &r) { return ShopWebhooks::of(r).isOn(); });
    if (forms->isEmpty() && !catalogues && !webhooks && !shopHooks)
        return std::unique_ptr<FormIntakeServer>();
    auto config = IntakeConfig::fromSettings(settings.value());
    if (!config)
        return config.error();
    config->webhookParsers = std::move(webhookParsers);
    auto server = std::make_unique<FormIntakeServer>(std::move(store), config.value(), clock);
    if (auto started = server->start(); !started)
        return started.error();
    return server;
}

Result<quint16> FormIntakeServer::start()
{
    if (m_thread)
        return m_port;
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("form-intake"));
    m_worker = new IntakeWorker(m_store, m_config, m_clock, this);
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
    // Blocks this thread only until the socket is bound, so the caller knows the port or the error.
    Result<quint16> listening = Error::unavailable(QStringLiteral("The form intake thread did not start"));
    QMetaObject::invokeMethod(
        m_worker, [this, &listening] { listening = m_worker->listen(); }, Qt::BlockingQueuedConnection);
    if (!listening) {
        stop();
        return listening.error();
    }
    m_port = listening.value();
    return m_port;
}

void FormIntakeServer::stop()
{
    if (!m_thread)
        return;
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    m_worker = nullptr;
    m_port = 0;
}

} // namespace Source::Intake
