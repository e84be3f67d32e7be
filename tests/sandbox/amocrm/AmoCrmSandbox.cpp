// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmoCrmSandbox.h"

#include "AmoServer.h"

namespace Sandbox::AmoCrm {

AmoCrmSandbox::AmoCrmSandbox(const AmoSandboxOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
    m_thread.setObjectName(QStringLiteral("amocrm-sandbox"));
}

AmoCrmSandbox::~AmoCrmSandbox()
{
    stop();
}

bool AmoCrmSandbox::start(QString *error)
{
    if (m_server)
        return true;
    auto *server = new AmoServer(m_options);
    server->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, server, &QObject::deleteLater);
    m_thread.start();
    bool ok = false;
    QString message;
    QJsonObject ready;
    // A blocking call into the worker thread: the caller gets a listening server or an error, nothing in
    // between.
    QMetaObject::invokeMethod(
        server,
        [&] {
            ok = server->start(&message);
            if (ok)
                ready = server->readyInfo();
        },
        Qt::BlockingQueuedConnection);
    if (!ok) {
        m_thread.quit();
        m_thread.wait();
        if (error)
            *error = message;
        return false;
    }
    m_server = server;
    m_ready = ready;
    return true;
}

void AmoCrmSandbox::stop()
{
    if (!m_server)
        return;
    AmoServer *server = m_server;
    QMetaObject::invokeMethod(
        server, [server] { server->shutdown(); }, Qt::BlockingQueuedConnection);
    m_server = nullptr;
    m_thread.quit();
    m_thread.wait();
}

QUrl AmoCrmSandbox::baseUrl() const
{
    return QUrl(m_ready.value("base_url").toString());
}

QUrl AmoCrmSandbox::accountUrl(const QString &subdomain) const
{
    if (subdomain == this->subdomain())
        return baseUrl();
    return QUrl(m_ready.value("base_url").toString() + QStringLiteral("/_acc/") + subdomain);
}

} // namespace Sandbox::AmoCrm
