// SPDX-License-Identifier: GPL-3.0-or-later
#include "RetailCrmSandbox.h"

#include "RetailServer.h"

namespace Sandbox::RetailCrm {

RetailCrmSandbox::RetailCrmSandbox(const RetailSandboxOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
    m_thread.setObjectName(QStringLiteral("retailcrm-sandbox"));
}

RetailCrmSandbox::~RetailCrmSandbox()
{
    stop();
}

bool RetailCrmSandbox::start(QString *error)
{
    if (m_server)
        return true;
    auto *server = new RetailServer(m_options);
    server->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, server, &QObject::deleteLater);
    m_thread.start();
    bool ok = false;
    QString message;
    QJsonObject ready;
    // A blocking call into the worker thread: the caller gets a listening server or an error.
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

void RetailCrmSandbox::stop()
{
    if (!m_server)
        return;
    RetailServer *server = m_server;
    QMetaObject::invokeMethod(
        server, [server] { server->shutdown(); }, Qt::BlockingQueuedConnection);
    m_server = nullptr;
    m_thread.quit();
    m_thread.wait();
}

} // namespace Sandbox::RetailCrm
