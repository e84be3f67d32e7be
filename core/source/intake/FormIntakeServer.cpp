// SPDX-License-Identifier: GPL-3.0-or-later
#include "FormIntakeServer.h"

#include "FormEndpointRepo.h"
#include "HttpRequestParser.h"
#include "IntakeHandler.h"
#include "IntakeLog.h"
#include "TokenBucket.h"
#include "store/BackSyncConfig.h"
#include "store/ConnectionRepo.h"
#include "store/SettingsRepo.h"

#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

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

/** The server thread's half: the listening socket, the connections, the handler and the buckets. */
class IntakeWorker : public QObject
{
public:
    IntakeWorker(std::shared_ptr<Storage::Database> store, IntakeConfig config, const Common::Clock *clock,
                 FormIntakeServer *owner)
        : m_config(std::move(config))
        , m_handler(std::move(store), clock)
        , m_buckets(m_config.burst, m_config.perMinute, clock)
        , m_owner(owner)
    { }

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
    void accept(QTcpSocket *socket)
    {
        auto parser = std::make_shared<HttpRequestParser>(m_config.maxBodyBytes);
        auto *timer = new QTimer(socket);
        timer->setSingleShot(true);
        connect(timer, &QTimer::timeout, socket, [this, socket] {
            answer(socket, HttpResponse::json(408, "timeout", QStringLiteral("The request took too long")),
                   {});
        });
        timer->start(m_config.requestTimeoutMs);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, socket,
                [this, socket, parser] { onReadyRead(socket, *parser); });
    }

    QString clientIp(QTcpSocket *socket, const HttpRequest &request) const
    {
        QHostAddress peer = socket->peerAddress();
        bool isV4 = false;
        const quint32 v4 = peer.toIPv4Address(&isV4);
        if (isV4)
            peer = QHostAddress(v4);
        if (m_config.trustForwardedFor) {
            const QByteArray forwarded = request.header("X-Forwarded-For");
            if (!forwarded.isEmpty())
                return QString::fromLatin1(forwarded.split(',').last().trimmed());
        }
        return peer.toString();
    }

    void onReadyRead(QTcpSocket *socket, HttpRequestParser &parser)
    {
        if (socket->property("answered").toBool()) {
            socket->readAll();
            return;
        }
        const auto state = parser.feed(socket->readAll());
        if (state == HttpRequestParser::State::Failed) {
            answer(socket,
                   HttpResponse::json(parser.errorStatus(), "bad-request",
                                      QString::fromUtf8(parser.errorMessage())),
                   {});
            return;
        }
        if (parser.takeHeadersReady()) {
            const QString ip = clientIp(socket, parser.request());
            int retryAfter = 1;
            // A CRM's webhooks are not rate limited: a manager moving 50 deals is 50 posts at once, and
            // amoCRM switches off a webhook that gets too many refusals. Their secret is checked first.
            if (!isHook(parser.request()) && !m_buckets.take(ip, &retryAfter)) {
                qCWarning(lcIntake) << "too many requests from" << ip;
                HttpResponse response
                    = HttpResponse::json(429, "too-many-requests", QStringLiteral("Slow down"));
                response.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray::number(retryAfter)));
                answer(socket, response, {});
                return;
            }
            if (parser.request().header("Expect").toLower() == "100-continue"
                && state != HttpRequestParser::State::Complete)
                socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        }
        if (state != HttpRequestParser::State::Complete)
            return;
        const HttpRequest &request = parser.request();
        HttpResponse response = m_handler.handle(request, clientIp(socket, request));
        const QList<QByteArray> parts = request.path().split('/');
        answer(socket, response, parts.size() > 2 ? QUrl::fromPercentEncoding(parts[2]) : QString());
        if (isHook(request) && response.status == 200)
            Q_EMIT m_owner->webhookStored();
    }

    static bool isHook(const HttpRequest &request) { return request.path().startsWith("/hooks/"); }

    void answer(QTcpSocket *socket, const HttpResponse &response, const QString &form)
    {
        if (socket->property("answered").toBool())
            return;
        if (auto *timer = socket->findChild<QTimer *>())
            timer->stop();
        socket->setProperty("answered", true);
        socket->write(response.serialise());
        socket->disconnectFromHost();
        Q_EMIT m_owner->requestAnswered(response.status, form);
    }

    IntakeConfig m_config;
    IntakeHandler m_handler;
    TokenBucket m_buckets;
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
FormIntakeServer::startIfConfigured(std::shared_ptr<Storage::Database> store, const Common::Clock *clock)
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
    if (forms->isEmpty() && !catalogues && !webhooks)
        return std::unique_ptr<FormIntakeServer>();
    auto config = IntakeConfig::fromSettings(settings.value());
    if (!config)
        return config.error();
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
