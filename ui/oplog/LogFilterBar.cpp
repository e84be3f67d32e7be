// SPDX-License-Identifier: GPL-3.0-or-later
#include "LogFilterBar.h"

#include "store/ConnectionRepo.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QIntValidator>
#include <QLineEdit>
#include <QRegularExpression>
#include <QTimer>
#include <limits>

namespace Gui {

LogFilterBar::LogFilterBar(std::shared_ptr<Storage::Database> db, QWidget *parent)
    : QWidget(parent)
    , m_range(new QComboBox(this))
    , m_connection(new QComboBox(this))
    , m_status(new QComboBox(this))
    , m_job(new QLineEdit(this))
    , m_search(new QLineEdit(this))
    , m_debounce(new QTimer(this))
{
    setObjectName(QStringLiteral("logFilterBar"));
    m_range->setObjectName(QStringLiteral("logRange"));
    m_range->addItem(tr("Any time"), 0);
    m_range->addItem(tr("Last hour"), 3600);
    m_range->addItem(tr("Last 24 hours"), 86400);
    m_range->addItem(tr("Last 7 days"), 7 * 86400);

    m_connection->setObjectName(QStringLiteral("logConnection"));
    m_connection->addItem(tr("Every connection"), QVariant());
    if (auto connections = Store::ConnectionRepo(db).list()) {
        for (const Store::Connection &c : connections.value())
            m_connection->addItem(c.name, c.id);
    }

    m_status->setObjectName(QStringLiteral("logStatus"));
    m_status->addItem(tr("Any status"), int(Store::StatusClass::Any));
    m_status->addItem(tr("Succeeded"), int(Store::StatusClass::Success));
    m_status->addItem(tr("Any error"), int(Store::StatusClass::AnyError));
    m_status->addItem(tr("Rejected (4xx)"), int(Store::StatusClass::ClientError));
    m_status->addItem(tr("Server error (5xx)"), int(Store::StatusClass::ServerError));
    m_status->addItem(tr("No answer"), int(Store::StatusClass::NoAnswer));

    m_job->setObjectName(QStringLiteral("logJob"));
    m_job->setPlaceholderText(tr("Job"));
    m_job->setValidator(new QIntValidator(1, std::numeric_limits<int>::max(), m_job));
    m_job->setClearButtonEnabled(true);
    m_job->setMaximumWidth(110);

    m_search->setObjectName(QStringLiteral("logSearch"));
    m_search->setPlaceholderText(tr("Search by order number, phone, email, address or error"));
    m_search->setClearButtonEnabled(true);
    m_search->setToolTip(m_search->placeholderText());

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_range);
    layout->addWidget(m_connection);
    layout->addWidget(m_status);
    layout->addWidget(m_job);
    layout->addWidget(m_search, 1);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    connect(m_debounce, &QTimer::timeout, this, &LogFilterBar::filterChanged);
    connect(m_search, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_job, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    for (QComboBox *combo : { m_range, m_connection, m_status }) {
        // Long connection names and Russian labels must not widen the page past the window.
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(12);
        connect(combo, &QComboBox::currentIndexChanged, this, &LogFilterBar::filterChanged);
    }
    m_search->setMinimumWidth(160);
}

Store::OpLogFilter LogFilterBar::filter() const
{
    Store::OpLogFilter filter;
    if (const qint64 seconds = m_range->currentData().toLongLong(); seconds > 0)
        filter.fromMs = QDateTime::currentMSecsSinceEpoch() - seconds * 1000;
    if (const QVariant id = m_connection->currentData(); id.isValid())
        filter.connectionId = id.toLongLong();
    filter.statusClass = Store::StatusClass(m_status->currentData().toInt());
    bool ok = false;
    if (const qint64 job = m_job->text().toLongLong(&ok); ok && job > 0)
        filter.jobId = job;
    // A whole business key (an order number, a phone, an email) is an index lookup; other text is a
    // search through addresses and errors (LogPage falls back to that when a key finds nothing).
    const QString term = m_search->text().trimmed();
    static const QRegularExpression keyLike(QStringLiteral(R"(^(\S*@\S+|[+\d()\-\s]{6,}|\S*\d\S*)$)"));
    if (keyLike.match(term).hasMatch())
        filter.key = term;
    else
        filter.text = term;
    return filter;
}

void LogFilterBar::setJobId(std::optional<qint64> jobId)
{
    m_job->setText(jobId ? QString::number(*jobId) : QString());
    m_debounce->stop();
    Q_EMIT filterChanged();
}

} // namespace Gui
