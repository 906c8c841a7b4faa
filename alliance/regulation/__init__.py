"""Members' regulatory self-service (issue 15): the industrial-metaverse ethics self-check (산업용 메타버스 실천윤리
체크리스트) and the virtual-convergence platform operators' filings (가상융합 플랫폼 사업자 신고, 가상융합산업 진흥법
제9조) run with the delegated agency."""
