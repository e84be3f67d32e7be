// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmoCrmSandbox.h"

#include "AmoServer.h"

namespace Sandbox::AmoCrm {

AmoCrmSandbox::AmoCrmSandbox(const AmoSandboxOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_host(QStringLiteral("amocrm-sandbox"))
{ }

AmoCrmSandbox::~AmoCrmSandbox() = default;

bool AmoCrmSandbox::start(QString *error)
{
    return m_host.start(error, m_options);
}

void AmoCrmSandbox::stop()
{
    m_host.stop();
}

QUrl AmoCrmSandbox::baseUrl() const
{
    return QUrl(m_host.ready().value("base_url").toString());
}

QUrl AmoCrmSandbox::accountUrl(const QString &subdomain) const
{
    if (subdomain == this->subdomain())
        return baseUrl();
    return QUrl(m_host.ready().value("base_url").toString() + QStringLiteral("/_acc/") + subdomain);
}

} // namespace Sandbox::AmoCrm
